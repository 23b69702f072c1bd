"""Text typed into a form, counted the way the browser counted it; reports and indicators forms both read it so."""
import unicodedata


def typed_text(value) -> str:
    """As the browser counted it for maxlength: it sends each line break as CRLF but counts one character, and
    some keyboards send decomposed accents (NFD) that NFC stores in fewer characters."""
    text = "" if value is None else str(value)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
