"""Read appendix tables (STT | Chỉ tiêu | Đơn vị tính | … | Kế hoạch năm 2025 | … | Ghi chú) into appendix entries.

- A table is an indicator table when a header row names the indicator column ("Chỉ tiêu", "Nội dung") and a plan
  column ("Kế hoạch năm 2025", "KH 2025", "Chỉ tiêu năm 2025", "Mục tiêu"). Columns of what was done ("Thực hiện",
  "Ước thực hiện", "So sánh") are never the target. With several plan columns, the one for the latest year wins.
  A header on two rows ("Năm 2024" above "Kế hoạch" | "Ước TH") is read as one; a row of column numbers
  ("1 | 2 | 3 | 4=3/2") and a header repeated after a page break are skipped. A table without its own header that
  follows an indicator table of the same width continues it.
- The target is read from the plan cell, and a bare figure takes the unit of the ĐVT column.
- The STT cell gives the numbering: "I", "A" are groups; "1", "1.1", "a", "(1)", "-", "+" are entries as in
  indicator_lines. A row with no STT whose name starts with "-" or "+" is such a bullet; one with no STT, no unit and
  no figure continues the name above (a row split by a page break).
"""
import re

from planparser.textutil import fold, squash

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NOT_PLAN = ("thuc hien", "uoc", "so sanh", "ghi chu", "ty le %", "th ")
_COLUMN_NUMBER = re.compile(r"\(?[0-9A-Za-z]{1,2}\)?(?:\s*[=*/x+-].*)?")
_BULLET = re.compile(r"([-–—•+])\s*(.*)")
_GLUED_UNITS = ("%", "‰")


def read_tables(tables: list[list[list[str]]]) -> tuple[list[dict], list[dict]]:
    """-> (entries in order, anomalies). Tables that are not indicator tables are left alone."""
    entries: list[dict] = []
    anomalies: list[dict] = []
    columns: dict | None = None
    for number, table in enumerate(tables, start=1):
        rows = [[squash(c) for c in row] for row in table if any(squash(c) for c in row)]
        found, start = _find_header(rows)
        if found is None and columns is not None and rows and len(rows[0]) == columns["width"]:
            found, start = columns, 0
        if found is None:
            anomalies += _missing_plan_column(rows, number)
            continue
        columns = found
        for row in rows[start:]:
            _read_row(row, columns, entries, anomalies)
    return entries, anomalies


def _find_header(rows: list[list[str]]) -> tuple[dict | None, int]:
    for index, row in enumerate(rows[:4]):
        labels = row
        if index + 1 < len(rows) and _continues_header(rows[index + 1]):
            # Rows are read as printed and need not be equally wide: pair the cells both rows have.
            labels = [squash(f"{a} {b}") for a, b in zip(row, rows[index + 1], strict=False)]
            columns = _columns(labels) or _columns(row)
            if columns:
                return columns | {"header": row}, index + 2
        if columns := _columns(labels):
            return columns | {"header": row}, index + 1
    return None, 0


def _continues_header(row: list[str]) -> bool:
    """The lower row of a two-row header: labels only, no STT and no figures."""
    return not row[0] and any(row) and not any(re.search(r"\d", c) and not _YEAR.search(c) for c in row)


def _columns(labels: list[str]) -> dict | None:
    folded = [fold(c) for c in labels]
    name = _first(folded, lambda f: ("chi tieu" in f or "noi dung" in f) and not _YEAR.search(f)
                  and "ke hoach" not in f)
    plans = [i for i, f in enumerate(folded) if _is_plan(f)]
    if name is None or not plans:
        return None
    plan = max(plans, key=lambda i: max((int(y) for y in _YEAR.findall(folded[i])), default=0))
    # A narrow STT column wraps in a PDF export ("ST T"): compare without spaces.
    return {"stt": _first(folded, lambda f: f.replace(" ", "") in ("stt", "tt", "sott", "sothutu")), "name": name,
            "unit": _first(folded, lambda f: f in ("dvt", "don vi", "don vi tinh") or "don vi tinh" in f),
            "plan": plan, "plan_label": labels[plan], "width": len(labels)}


def _is_plan(folded: str) -> bool:
    if any(word in f"{folded} " for word in _NOT_PLAN):
        return False
    return ("ke hoach" in folded or re.search(r"\bkh\b", folded) is not None or "muc tieu" in folded
            or ("chi tieu" in folded and _YEAR.search(folded) is not None))


def _first(folded: list[str], test) -> int | None:
    return next((i for i, f in enumerate(folded) if test(f)), None)


def _read_row(row: list[str], columns: dict, entries: list[dict], anomalies: list[dict]) -> None:
    cell = lambda key: row[columns[key]] if columns[key] is not None and columns[key] < len(row) else ""  # noqa
    number, name, plan, unit = cell("stt"), cell("name"), cell("plan"), cell("unit")
    if row == columns["header"] or _COLUMN_NUMBER.fullmatch(name or "-") and _COLUMN_NUMBER.fullmatch(plan or "-"):
        return
    if not name or (fold(name).startswith("trong do") and not plan):
        return
    if not number and not plan and not unit and entries and not _BULLET.match(name):
        entries[-1]["name"] += f" {name}"
        entries[-1]["text"] = _printed(entries[-1]["name"], entries[-1]["expr"], entries[-1]["unit"])
        return
    style, number, name = _style(number.strip(" .)("), name)
    if style == "roman" and number and plan:  # a roman style always carries its number
        anomalies.append(_group_with_figure(number, name, plan, columns))
    entries.append({"style": style, "number": number, "name": name, "expr": plan, "unit": unit,
                    "text": name if style == "roman" else _printed(name, plan, unit), "children": []})


def _style(stt: str, name: str) -> tuple[str, str | None, str]:
    if re.fullmatch(r"[IVXLC]+|[A-Z]", stt):
        return "roman", stt, name
    if re.fullmatch(r"\d{1,3}", stt):
        return "arabic", stt, name
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", stt):
        return "decimal", stt, name
    if re.fullmatch(r"[a-zđ]", stt):
        return "letter", stt, name
    bullet = _BULLET.fullmatch(stt or name)
    if bullet:
        return ("plus" if bullet.group(1) == "+" else "dash"), None, (name if stt else bullet.group(2))
    return "dash", None, name


def _printed(name: str, plan: str, unit: str) -> str:
    """The row as one line: "Tỷ lệ hộ nghèo: 2,5%"; the unit is added only when the plan cell does not show it."""
    if not plan:
        return name
    if unit and fold(unit) not in fold(plan):
        plan = f"{plan}{unit}" if unit in _GLUED_UNITS else f"{plan} {unit}"
    return f"{name}: {plan}"


def _group_with_figure(number: str, name: str, plan: str, columns: dict) -> dict:
    return {"kind": "structure", "where": f"Phụ lục I, {number}",
            "message": f"Dòng nhóm {number} «{name}» có số liệu «{plan}» ở cột «{columns['plan_label']}» nhưng được "
                       f"đọc là tên nhóm, không phải chỉ tiêu; cần người kiểm tra"}


def _missing_plan_column(rows: list[list[str]], number: int) -> list[dict]:
    """A table that names indicators but has no plan column cannot be read; any other table is not ours."""
    if not any("chi tieu" in fold(c) for row in rows[:3] for c in row):
        return []
    return [{"kind": "structure", "where": f"Phụ lục I, bảng {number}",
             "message": f"Bảng chỉ tiêu thứ {number} không có cột kế hoạch (ví dụ «Kế hoạch năm 2025»), nên chưa đọc "
                        f"được chỉ tiêu nào từ bảng này"}]
