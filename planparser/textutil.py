"""Text helpers shared by every parser module: normalisation and accent folding."""
import functools
import unicodedata

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")


def nfc(text: str) -> str:
    """Word sometimes saves decomposed accents; everything downstream expects NFC."""
    return unicodedata.normalize("NFC", text or "")


def squash(text: str) -> str:
    """Collapse runs of white space (tabs, newlines, non-breaking spaces) into one space."""
    return single_spaced(nfc(text))


def single_spaced(text: str) -> str:
    """`text` with each run of white space made one space, and none at either end: " ".join(text.split()).

    Most texts have only single spaces inside; telling so is twice as fast as splitting them into words (a
    printable text holds no white space but the plain space: tabs, NBSP, line breaks are not printable)."""
    stripped = text.strip()
    if "  " not in stripped and stripped.isprintable():
        return stripped
    return " ".join(stripped.split())  # str.split() takes the white space re's \s does, NBSP included


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, accent-free form for matching: 'Địa chính' -> 'dia chinh'.

    'đ' is not decomposable in Unicode, so it is mapped by hand. Cached: every table row's cells are folded
    to look for a header, and the directory folds the same names over and over.
    """
    text = nfc(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return squash(stripped)


def superscripts_to_ascii(text: str) -> str:
    """'⁽²⁾' -> '(2)', '¹' -> '1'."""
    return text.translate(_SUPERSCRIPT_DIGITS)


def shorten(text: str, limit: int = 160) -> str:
    """A quote for a message: a runaway cell must not make the message itself runaway."""
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
