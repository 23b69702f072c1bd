"""The error every correction path raises, apart so that the field readers and tree moves share it."""


class CorrectionInputError(ValueError):
    """What the office typed cannot be read; the message says where and what, in Vietnamese."""
