"""Build the task tree from table rows: numbering, page-break joins and continuation rows."""
import re
from dataclasses import dataclass, field
from typing import Any

from .columns import ASSIGNMENT_ROLES, RowView, number_rank, number_token
from .solutions import clean_cell
from .textutil import shorten

_SENTENCE_END = ".;:!?"
_ROLE_NAMES = {"solution": "Giải pháp", "leader": "Phân công chỉ đạo", "lead": "Đơn vị chủ trì",
               "coordinating": "Đơn vị phối hợp", "deadline": "Thời gian hoàn thành", "output": "Sản phẩm"}
# What starts a new item rather than continuing a sentence: "(3)", "3.", "a)", "- ", "+ ", "•".
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}\b")
_ITEM_START = re.compile(r"^(?:\(\d{1,2}\)|\d{1,2}[.)]\s|[a-zđ]\)|[-–+•]\s)")
# A cell never ends on a list comma, a clause's semicolon or a word that needs what follows: the page break
# cut it there ("… kiến nghị của công dân;" / "Chủ động xây dựng …" is one paragraph).
_DANGLING = re.compile(r"(?:[,;]|\b(?:và|của|với|các|cho|tại))$")


@dataclass
class Node:
    number: str | None
    title: str
    rank: int
    line: int
    code: str = ""
    children: list["Node"] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # raw row cells by role, before resolution
    unnumbered: int = 0  # how many unnumbered children were generated, for stable codes


class TreeBuilder:
    """Feed RowViews in document order; read .roots and .warnings at the end."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.warnings: list[dict] = []
        self._stack: list[Node] = []
        self._last_table: int | None = None
        self._codes: set[str] = set()
        self.unnumbered = 0  # unnumbered top-level nodes, for stable codes (nodes keep their own count)

    def add(self, view: RowView) -> None:
        new_table = view.table != self._last_table
        self._last_table = view.table
        if view.realigned:
            self._warn(view, "Dòng bị lệch cột khi chuyển đổi; các ô đã được xếp lại theo nội dung.")
        if new_table and self._continues_row(view):
            self._join_row(view)
        elif view.number:
            self._add_numbered(view)
            if new_table:
                self._warn_merged_across_page(view)
        elif view.task and new_table and self._continues_title(view):
            self._join_title(view)
        elif view.task:
            self._add_unnumbered(view)
        else:
            self._add_row(self._current(view), view)

    # --- nodes -------------------------------------------------------------------------
    def _add_numbered(self, view: RowView) -> None:
        token = number_token(view.number) or view.number
        node = Node(number=token, title=view.task, rank=number_rank(token), line=view.line)
        while self._stack and self._stack[-1].rank >= node.rank:
            self._stack.pop()
        self._attach(node, self._stack[-1] if self._stack else None)
        if view.has_assignment():
            self._add_row(node, view)

    def _add_unnumbered(self, view: RowView) -> None:
        while self._stack and self._stack[-1].rows:
            self._stack.pop()  # an unnumbered task is a sibling of the task above, not its child
        parent = self._stack[-1] if self._stack else None
        rank = parent.rank + 1 if parent else 1
        node = Node(number=None, title=view.task, rank=rank, line=view.line)
        self._attach(node, parent)
        if view.has_assignment():
            self._add_row(node, view)

    def _attach(self, node: Node, parent: Node | None) -> None:
        node.code = self._code_for(node, parent)
        (parent.children if parent else self.roots).append(node)
        self._stack.append(node)

    def _code_for(self, node: Node, parent: Node | None) -> str:
        if node.number is None:
            owner = parent or self
            owner.unnumbered += 1
            tail = f"u{owner.unnumbered}"
        else:
            tail = node.number
            if parent and parent.number and tail.startswith(parent.number + "."):
                tail = tail[len(parent.number) + 1:]
        code = f"{parent.code}.{tail}" if parent else tail
        return self._unique(code)

    def _unique(self, code: str) -> str:
        candidate, n = code, 1
        while candidate in self._codes:
            n += 1
            candidate = f"{code}~{n}"  # a duplicate number; the numbering audit reports it
        self._codes.add(candidate)
        return candidate

    def _current(self, view: RowView) -> Node:
        if self._stack:
            return self._stack[-1]
        node = Node(number=None, title="(Dòng không thuộc nhiệm vụ nào)", rank=1, line=view.line)
        self._attach(node, None)
        self._warn(view, "Dòng nằm trước mọi nhiệm vụ; đã đưa vào mục riêng để rà soát.")
        return node

    # --- page-break joins --------------------------------------------------------------
    def _continues_title(self, view: RowView) -> bool:
        last = self._stack[-1] if self._stack else None
        if last is None or not last.rows:
            return False
        first = view.task.lstrip()[:1]
        return last.title.rstrip()[-1:] not in _SENTENCE_END or first.islower() or first.isdigit()

    def _join_title(self, view: RowView) -> None:
        node = self._stack[-1]
        node.title = f"{node.title.rstrip()} {view.task.strip()}"
        self._warn(view, f"Tên nhiệm vụ {node.code} bị ngắt trang; đã nối phần tiếp theo.", node.code)
        if view.has_assignment():
            self._add_row(node, view)

    def _continues_row(self, view: RowView) -> bool:
        """A row Word or LibreOffice split at a page break: its cells go on mid-sentence on the next page."""
        node = self._stack[-1] if self._stack else None
        if view.number or node is None or not node.rows:
            return False
        filled = _own_cells(view, {**node.rows[-1], "task": node.title})
        previous = {**node.rows[-1], "task": node.title}
        sureness = [_continuation(previous.get(role, ""), text) for role, text in filled.items()]
        # A capital may go on a name ("Phó Chủ tịch" / "Kinh tế"), so one cell that must continue has to vouch
        # for the others.
        return bool(filled) and min(sureness) > 0 and max(sureness) == 2

    def _join_row(self, view: RowView) -> None:
        node = self._stack[-1]
        previous = node.rows[-1]
        for role, text in _own_cells(view, {**previous, "task": node.title}).items():
            if role == "task":
                node.title = f"{node.title.rstrip()} {text.strip()}"
            else:
                previous[role] = f"{previous[role].rstrip()} {text.strip()}"
        previous["lines"].append(view.line)
        self._warn(view, f"Dòng của nhiệm vụ {node.code} bị ngắt trang; đã nối phần tiếp theo.", node.code)

    def _warn_merged_across_page(self, view: RowView) -> None:
        """A PDF shows a cell merged across a page break empty on the new page; its reader took the text
        from the page before. That is a reading of the layout, so a person is told where."""
        node = self._stack[-1]
        for role in ASSIGNMENT_ROLES:
            if role in view.merged and view.get(role):
                self._warn(view, f"Ô «{_ROLE_NAMES[role]}» của nhiệm vụ {node.code} để trống ở đầu trang; đã hiểu là ô "
                                 f"gộp với dòng trên ở trang trước («{shorten(view.get(role), 60)}»), cần kiểm tra.",
                           node.code)

    # --- assignment rows ---------------------------------------------------------------
    def _add_row(self, node: Node, view: RowView) -> None:
        cells: dict[str, Any] = dict(view.cells)  # the texts, then "lines", a list of line numbers
        if node.rows and view.only_solutions():
            previous = node.rows[-1]
            previous["solution"] = f"{previous['solution']}\n{cells['solution']}".strip()
            previous["lines"].append(view.line)
            return
        if node.rows and not cells["leader"] and not cells["lead"]:
            # Same assignment as the row above, with only what this row prints of its own.
            for role in ("leader", "lead", "coordinating", "deadline"):
                cells[role] = cells[role] or node.rows[-1][role]
        cells["lines"] = [view.line]
        node.rows.append(cells)

    def _warn(self, view: RowView, message: str, where: str | None = None) -> None:
        place = where or (self._stack[-1].code if self._stack else "bảng nhiệm vụ")
        self.warnings.append({"kind": "structure", "where": place, "line": view.line, "message": message})


def _own_cells(view: RowView, previous: dict) -> dict[str, str]:
    """The cells this row prints of its own: not merged with the row above, nor repeating it (the text
    form prints a merged cell again on every page it spans)."""
    cells = {role: view.get(role) for role in ASSIGNMENT_ROLES}
    cells["task"] = view.task
    return {role: text for role, text in cells.items()
            if text and role not in view.merged and text.strip() != previous.get(role, "").strip()}


def _continuation(before: str, text: str) -> int:
    """How surely `text` carries on the sentence `before`: 0 not at all (a capital after a full stop, or a
    list marker), 1 it may (`before` is unfinished), 2 it must (it starts lowercase, or with a figure, or
    `before` ends on a comma or "và": "Công an xã, Hội Nông dân," / "Đoàn Thanh niên")."""
    before, text = clean_cell(before).rstrip(), clean_cell(text).lstrip()  # "<p>(2) …" is an item too
    if not before or not text or _ITEM_START.match(text):
        return 0
    if text[0].islower() or _DANGLING.search(before):
        return 2
    if before[-1] in _SENTENCE_END:
        return 0
    # After an unfinished sentence a figure or an acronym ("… các công trình" / "XDCB") goes on with it;
    # a capitalised word may start a new one ("Tham gia …").
    return 2 if not text[0].isalpha() or _ACRONYM.match(text) else 1
