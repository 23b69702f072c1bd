"""The reader-neutral form of a plan document: paragraphs and table rows in document order.

Both the text reader and the DOCX reader produce this, so everything after reading is shared.
"""
from dataclasses import dataclass, field


class PlanReadError(ValueError):
    """A document that cannot be read at all; the message is Vietnamese and names the place."""


@dataclass
class Para:
    text: str
    line: int  # 1-based line (text form) or paragraph ordinal (DOCX), for messages


@dataclass
class Row:
    cells: list[str]
    line: int  # 1-based line (text form) or row ordinal (DOCX)
    table: int  # a new table starts after every page break or repeated header
    # Grid columns whose cell is the vertical continuation of the cell above (DOCX vMerge).
    merged_above: set[int] = field(default_factory=set)


Block = Para | Row
