"""Find the task table's columns by their header words, and read a data row by role."""
import functools
import re
from dataclasses import dataclass, field

from .textutil import fold

ASSIGNMENT_ROLES = ("solution", "leader", "lead", "coordinating", "deadline", "output")

# Checked in this order: "ĐƠN VỊ CHỦ TRÌ" must not be taken for a leader, nor "GIẢI PHÁP … NHIỆM VỤ" for a task.
_ROLE_WORDS = (
    ("lead", ("chu tri",)),
    ("coordinating", ("phoi hop",)),
    ("leader", ("chi dao", "lanh dao", "phu trach")),
    ("deadline", ("thoi gian", "thoi han", "tien do")),
    ("output", ("san pham", "ket qua dau ra")),
    ("solution", ("giai phap",)),
    ("task", ("nhiem vu", "noi dung")),
)
_NUMBER_HEADERS = {"tt", "stt", "sott", "sothutu"}
_ROMAN = re.compile(r"^[IVXL]{1,6}$")
_ARABIC = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")


def detect_columns(cells: list[str]) -> dict[str, int] | None:
    """Role → column index when the row is a task-table header, else None."""
    mapping: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role_of(fold(cell))
        if role and role not in mapping:
            mapping[role] = index
    if "task" in mapping and ({"leader", "lead"} & mapping.keys()) and len(mapping) >= 4:
        return mapping
    return None


@functools.lru_cache(maxsize=4096)
def _role_of(folded: str) -> str | None:
    """Cached: every row of every page's part of the table is asked whether it is a header."""
    if not folded:
        return None
    # Compared without spaces: a PDF export wraps "STT" in its narrow column as "ST" / "T".
    if folded.rstrip(".").replace(" ", "") in _NUMBER_HEADERS:
        return "number"
    for role, words in _ROLE_WORDS:
        if any(word in folded for word in words):
            return role
    return None


def number_token(text: str) -> str | None:
    """The printed number when the cell is one ("II", "4.2", "3."), else None."""
    token = text.strip().rstrip(".").strip()
    if _ROMAN.match(token) or _ARABIC.match(token):
        return token
    return None


def number_rank(token: str) -> int:
    """Roman numerals head the tree, then "1", "1.1", "1.1.1"."""
    return 0 if _ROMAN.match(token) else token.count(".") + 1


@dataclass
class RowView:
    """One data row read by role, after any realignment."""
    line: int
    table: int
    number: str = ""
    task: str = ""
    cells: dict[str, str] = field(default_factory=dict)
    realigned: bool = False
    merged: set[str] = field(default_factory=set)  # roles whose cell is merged with the one above (DOCX vMerge)

    def get(self, role: str) -> str:
        return self.cells.get(role, "")

    def has_assignment(self) -> bool:
        return any(self.get(role) for role in ASSIGNMENT_ROLES)

    def only_solutions(self) -> bool:
        return bool(self.get("solution")) and not any(
            self.get(role) for role in ASSIGNMENT_ROLES if role != "solution"
        )


def read_row(row, columns: dict[str, int], looks_like_deadline) -> RowView:
    def cell(role: str) -> str:
        index = columns.get(role)
        if index is None or index >= len(row.cells):
            return ""
        # A vertically merged number or task cell means "same task as above", not a new one.
        if role in ("number", "task") and index in row.merged_above:
            return ""
        return row.cells[index].strip()

    view = RowView(line=row.line, table=row.table, number=cell("number"), task=cell("task"))
    view.cells = {role: cell(role) for role in ASSIGNMENT_ROLES}
    view.merged = {role for role, index in columns.items() if index in row.merged_above}
    if view.number and number_token(view.number) is None:
        return _realign(row, columns, looks_like_deadline)
    return view


def _realign(row, columns: dict[str, int], looks_like_deadline) -> RowView:
    """A row the conversion shifted left: place its cells by content, not position."""
    filled = [c.strip() for c in row.cells if c.strip()]
    first_role = "solution" if "solution" in columns else "task"
    view = RowView(line=row.line, table=row.table, realigned=True)
    view.cells = {role: "" for role in ASSIGNMENT_ROLES}
    _put(view, first_role, filled.pop(0))
    if filled and "deadline" in columns and looks_like_deadline(filled[-1]):
        view.cells["deadline"] = filled.pop()
    later = [r for r, i in sorted(columns.items(), key=lambda kv: kv[1])
             if i > columns[first_role] and r not in ("deadline", "number", "task") and not view.get(r)]
    # Fewer cells than columns is normal (blank trailing cells); more is handled just below.
    for role, text in zip(later, filled, strict=False):
        view.cells[role] = text
    if later and len(filled) > len(later):
        # Never drop text: surplus cells stay visible in the last column for a person to sort out.
        view.cells[later[-1]] = "; ".join(filled[len(later) - 1:])
    return view


def _put(view: RowView, role: str, text: str) -> None:
    if role == "task":
        view.task = text
    else:
        view.cells[role] = text
