"""What a person reads on a page or in a downloaded file, and the raw codes and English that must not be in it.

Helpers for tests/integration/test_no_english.py. A code inside an href, a CSS class or an option's value is
the machine's business; only the text a person reads is searched.
"""
import io
import re
from urllib.parse import unquote

import lxml.html
import openpyxl
from django.apps import apps
from docx import Document

from communes.models import UnitKind
from plans.templatetags.plan_tags import _ANOMALY_KINDS

# English a Django or hand-written page could leak; Python's and JSON's empty values printed by a template.
ENGLISH = ("Download", "Upload", "Submit", "Save", "Delete", "Cancel", "Edit", "Error", "Warning", "Search",
           "Login", "Log in", "Logout", "Log out", "Password", "Username", "Page not found", "Not Found",
           "Forbidden", "Server Error", "Bad Request", "Home", "Back", "Next", "Previous", "Yes",
           "Select", "Choose", "Required", "This field", "Unknown", "Other", "Details", "Settings")
EMPTY_VALUES = ("None", "True", "False", "null", "undefined", "NaN", "N/A")
# Attributes a person reads on screen (hover, empty field, a button drawn from an input, a picture's stand-in).
READ_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")


def app_codes() -> set[str]:
    """Every code the app stores: its choices' values, anomaly kinds and unit kinds (ASCII ones only:
    a Vietnamese value such as "xã" is its own label)."""
    codes = set(_ANOMALY_KINDS) | set(UnitKind.values)
    for model in apps.get_models():
        if model._meta.app_label in ("admin", "auth", "contenttypes", "sessions", "axes"):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and re.fullmatch(r"[a-z_]{3,}", value):
                    codes.add(value)
    return codes


def forbidden_pattern(codes) -> re.Pattern:
    """Whole words only: "unit" is a code, "units" in a URL shown as text is not what we look for.
    Codes are matched lower-case as stored; English and empty values as printed (capitalised)."""
    lower = "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True))
    printed = "|".join(re.escape(word) for word in sorted(ENGLISH + EMPTY_VALUES, key=len, reverse=True))
    return re.compile(rf"(?<![\w/.-])(?:{lower}|{printed})(?![\w/-])")


def html_text(content: bytes) -> str:
    # Decoded first: lxml guesses Latin-1 for a page whose <meta charset> it has not met, such as the admin's.
    root = lxml.html.fromstring(content.decode("utf-8") if content else "<p></p>")
    for element in root.xpath("//script|//style|//template|//noscript"):
        element.drop_tree()
    read = [value for attribute in READ_ATTRIBUTES for value in root.xpath(f"//@{attribute}")]
    read += root.xpath("//input[@type='submit' or @type='button']/@value")
    # Piece by piece: text_content() glues neighbouring cells ("Chủ tịch UBNDchairman"), hiding a code in a word.
    return " ".join([*root.itertext(), *read])


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def xlsx_text(content: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    parts = list(book.sheetnames)
    for sheet in book.worksheets:
        parts += [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
    return "\n".join(parts)


def attachment_name(disposition: str) -> str:
    """The file name a browser saves under: filename*=UTF-8''… when given, else filename="…"."""
    encoded = re.search(r"filename\*=UTF-8''([^;]+)", disposition, re.IGNORECASE)
    if encoded:
        return unquote(encoded.group(1))
    plain = re.search(r'filename="?([^";]+)"?', disposition)
    return plain.group(1) if plain else ""


# Lower-case ASCII words joined by hyphens, a version or number allowed: "bao-cao-thang-05-2023.docx".
FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:docx|xlsx|pdf|png|jpg|jpeg|odt|ods|zip)")
