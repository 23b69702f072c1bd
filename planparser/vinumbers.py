"""Vietnamese numbers: "." groups thousands, "," marks decimals ("46.341.000.000", "10,8", "1.234,5").

Two readers with different tempers:
- `parse_vi_number` is for what a user types. It is strict: "10.8" is refused rather than silently read as 108,
  which is what Babel does without `strict=True`.
- `parse_plan_number` is for figures printed in a plan, which we cannot send back to the author. It reads a lone "."
  followed by 1–2 digits ("0.12%") as a decimal point and says so in a note.

`format_vi_number` writes a Decimal the Vietnamese way, keeping the decimals it was printed with. It is the one Babel
number writer: `theodoi.formatting.number` (pages, documents, spreadsheets) calls it, so a figure rounds alike on a
page and in a parsed plan's anomaly message.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALE = "vi"

# Babel strict still accepts "NaN", "1e5", "1_000", ",5" and "5,"; a user number must start and end with a digit.
_SHAPE = re.compile(r"[+-]?[0-9](?:[0-9.,]*[0-9])?")
_STRAY_DECIMAL_POINT = re.compile(r"[+-]?[0-9]+\.[0-9]{1,2}")
# The two shapes a Vietnamese number can only mean one way: groups of three after "." and decimals after ",",
# or no grouping at all ("1.234,5", "46.341.000.000", "10,8", "2023"). Babel's strict reading gives these the same
# value; reading them here spares its locale machinery on every figure of a plan. Anything else goes to Babel.
_PLAIN_VI = re.compile(r"[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
# What the database keeps (DecimalField max_digits=24, decimal_places=6): a longer figure is a typing accident
# ("36 digits"), and must be shown to a person rather than rounded or overflowed.
MAX_INTEGER_DIGITS = 18
MAX_DECIMALS = 6
# Half away from zero, the schoolbook rule ("làm tròn số" in the Vietnamese school programme: a dropped digit of 5
# or more raises the kept one) that statistics offices use when they print rates: 12,5 -> 13, -12,5 -> -13.
# Python's round() and Decimal's default round half to even (12,5 -> 12), which a reader takes for a mistake.
ROUNDING = ROUND_HALF_UP


class ViNumberError(ValueError):
    """A text that is not a number written the Vietnamese way; the message is meant for the user."""


def parse_vi_number(text: str) -> Decimal:
    """Read a number typed by a user: "1.234,5" -> Decimal("1234.5"). Raise ViNumberError otherwise."""
    cleaned = _clean(text)
    _check_shape(text, cleaned)
    if _PLAIN_VI.fullmatch(cleaned):
        value = Decimal(cleaned.replace(".", "").replace(",", "."))
        _check_size(text, value)
        return value
    try:
        value = parse_decimal(cleaned, locale=LOCALE, strict=True)
    except InvalidOperation:
        # Babel's strict check re-formats the number and fails beyond Decimal's 28-digit context.
        raise ViNumberError(f"«{cleaned}» có quá nhiều chữ số để là một con số thật; có thể đã gõ nhầm") from None
    except NumberFormatError:
        raise ViNumberError(_format_error_message(text, cleaned)) from None
    _check_size(text, value)
    return value


def parse_plan_number(text: str) -> tuple[Decimal, str | None]:
    """Read a number printed in a plan; return it with a note when it had to be guessed."""
    try:
        return parse_vi_number(text), None
    except ViNumberError:
        cleaned = _clean(text)
        if not _STRAY_DECIMAL_POINT.fullmatch(cleaned):
            raise
    value = Decimal(cleaned)
    _check_size(text, value)
    note = (f"«{cleaned}» dùng dấu chấm làm dấu thập phân; đã hiểu là {format_vi_number(value)} "
            f"(cách viết Việt Nam dùng dấu phẩy)")
    return value, note


def format_vi_number(value, decimals: int | None = None, trailing_zeros: bool = True) -> str:
    """46341000000 -> "46.341.000.000"; Decimal("10.80") -> "10,80"; (1234.5, 2) -> "1.234,50"; (12.5, 0) -> "13".

    With decimals=None the number keeps the decimals it carries, so a figure is shown as it was printed. With
    trailing_zeros=False, zeros after the decimal comma are dropped once rounded: (12, 1) -> "12", (10.80,) -> "10,8".
    """
    number = _to_decimal(value)
    if not number.is_finite():
        raise ViNumberError(f"«{value}» không phải là một số hữu hạn")
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUNDING)
    if not trailing_zeros:
        number = number.normalize()
    if number.is_zero():
        number = number.copy_abs()  # -0,4 rounded to a whole number is "0", never "-0"
    places = decimal_places(number)
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(number, format=pattern, locale=LOCALE, decimal_quantization=False)


def exponent_of(value: Decimal) -> int:
    """The power of ten of a finite number's last digit: -2 for 1,25, 3 for 5E+3."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN and infinity carry a letter here, and have no digits to count
        raise ViNumberError(f"«{value}» không phải là một số hữu hạn")
    return exponent


def decimal_places(value: Decimal) -> int:
    return max(0, -exponent_of(value))


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # str() gives the shortest repr, so 10.8 stays 10,8 instead of 10,800000000000000710…
        return Decimal(str(value))
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ViNumberError(f"«{value}» không phải là số") from None


def _clean(text) -> str:
    return str(text if text is not None else "").replace("\u00a0", " ").strip().translate(_MINUS_SIGNS)


def _check_shape(original, cleaned: str) -> None:
    """Explain the common mistakes before Babel gives its English message."""
    if not cleaned:
        raise ViNumberError("Chưa nhập số: ô này đang để trống")
    if _SHAPE.fullmatch(cleaned):
        return
    if re.fullmatch(r"[+-]{2,}[0-9.,]+", cleaned):
        raise ViNumberError(f"«{original}» có nhiều dấu trừ/cộng; số âm chỉ viết một dấu trừ ở đầu, ví dụ -5")
    if re.search(r"[^0-9.,+\- ]", cleaned):
        raise ViNumberError(f"«{original}» không phải là số (chỉ được dùng chữ số, dấu chấm và dấu phẩy, "
                            f"ví dụ 1.234,5)")
    raise ViNumberError(f"«{original}» không phải số hợp lệ theo cách viết Việt Nam "
                        f"(số phải bắt đầu và kết thúc bằng chữ số, ví dụ 0,5 hoặc 1.234,5)")


def _check_size(original, value: Decimal) -> None:
    digits, exponent = len(value.as_tuple().digits), exponent_of(value)
    integer_digits, decimals = max(0, digits + exponent), max(0, -exponent)
    if integer_digits > MAX_INTEGER_DIGITS:
        raise ViNumberError(f"«{_clean(original)}» có {integer_digits} chữ số phần nguyên, quá lớn để là một con số "
                            f"thật (tối đa {MAX_INTEGER_DIGITS} chữ số); có thể đã gõ nhầm")
    if decimals > MAX_DECIMALS:
        raise ViNumberError(f"«{_clean(original)}» có {decimals} chữ số thập phân (tối đa {MAX_DECIMALS} chữ số)")


def _format_error_message(original, cleaned: str) -> str:
    prefix = f"«{original}» không phải số hợp lệ theo cách viết Việt Nam"
    if cleaned.count(",") > 1:
        return f"{prefix} (chỉ có một dấu phẩy, là dấu thập phân; ví dụ 1.234,5)"
    if "," in cleaned and "." in cleaned.split(",", 1)[1]:
        return f"{prefix} (dấu chấm ngăn cách hàng nghìn phải đứng trước dấu phẩy thập phân, ví dụ 1.234,5)"
    if cleaned.count(".") == 1 and "," not in cleaned:
        return f"{prefix} (dấu phẩy là dấu thập phân: viết {cleaned.replace('.', ',')})"
    return f"{prefix} (dấu chấm chỉ dùng ngăn cách hàng nghìn, mỗi nhóm đủ 3 chữ số, ví dụ 1.234.567)"
