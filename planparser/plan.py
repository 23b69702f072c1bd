"""Entry point: a plan document (text or DOCX) in, the Plan JSON of the contract out."""
import inspect
import os
from typing import Any

from .blocks import PlanReadError, Row
from .columns import read_row
from .deadlines import parse_deadline
from .directory import Directory
from .header import header_facts
from .indicator_audit import audit_indicators
from .indicators import parse_appendix
from .layout import split_blocks
from .readers import read_blocks
from .solutions import clean_cell, split_solutions
from .textutil import fold, shorten
from .tree import Node, TreeBuilder
from .tree_audit import audit_tree

_COLUMN_NAMES = {"leader": "Phân công chỉ đạo", "lead": "Đơn vị chủ trì", "coordinating": "Đơn vị phối hợp"}
# parse_appendix gains its `tables` parameter in the indicator work; until then appendix tables wait here.
_APPENDIX_TAKES_TABLES = "tables" in inspect.signature(parse_appendix).parameters
_REF_FIELDS = {"leader": "leaders", "lead": "lead_units", "coordinating": "coordinating_units"}


def parse_file(path: str, directory: Directory | None = None) -> dict:
    name = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise PlanReadError(f"Không mở được tệp «{name}»: {exc.strerror}.") from None
    return parse_document(data, name, directory)


def parse_document(data: bytes, name: str, directory: Directory | None = None) -> dict:
    if not data or not data.strip():
        raise PlanReadError(f"Tệp «{name}» trống.")
    layout = split_blocks(read_blocks(data, name))
    if not layout.task_rows:
        raise PlanReadError(_no_rows_message(name, layout.task_header))
    prose = layout.prose
    facts = header_facts(prose)
    locality = facts["locality"] or {}
    directory = directory or Directory.default(locality.get("kind", "xã"), locality.get("name", ""))
    read_deadline = _DeadlineReader(facts["year"])
    builder = _build_tree(layout.task_rows, read_deadline)
    tasks, problems = _resolve(builder.roots, read_deadline, directory)
    indicators, indicator_problems = _indicators(prose, layout.appendix_tables)
    header_problems = facts.pop("anomalies", [])
    anomalies = header_problems + audit_tree(tasks) + audit_indicators(indicators) + problems + indicator_problems
    return {**facts, "tasks": tasks, "indicators": indicators, "anomalies": anomalies,
            "warnings": builder.warnings}


def _no_rows_message(name: str, header_at: Row | None) -> str:
    if header_at is not None:
        return (f"Bảng nhiệm vụ trong tệp «{name}» chỉ có dòng tiêu đề (dòng {header_at.line}) "
                "mà không có dòng nhiệm vụ nào.")
    return (f"Không tìm thấy bảng nhiệm vụ trong tệp «{name}»: cần một dòng tiêu đề bảng có các cột "
            "như «NHIỆM VỤ», «PHÂN CÔNG CHỈ ĐẠO» hoặc «ĐƠN VỊ CHỦ TRÌ», «THỜI GIAN HOÀN THÀNH».")


class _DeadlineReader:
    """parse_deadline for one plan. A plan prints the same few deadlines on most rows (the sample: 70 rows,
    17 texts, 43 of them "Năm 2023"), so each text is read once per plan; each row gets its own copy."""

    def __init__(self, year: int | None) -> None:
        self.year = year
        self._read: dict[str, dict] = {}

    def __call__(self, text: str) -> dict:
        deadline = self._read.get(text)
        if deadline is None:
            deadline = self._read[text] = parse_deadline(text, self.year)
        return _fresh(deadline)


def _fresh(value):
    """A copy of JSON data (dicts, lists, and immutable values), in about a third of copy.deepcopy's time."""
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fresh(item) for item in value]
    return value


def _build_tree(rows, read_deadline: _DeadlineReader) -> TreeBuilder:
    builder = TreeBuilder()
    looks_like_deadline = lambda text: read_deadline(text)["kind"] != "unknown"  # noqa: E731
    for row, columns in rows:
        builder.add(read_row(row, columns, looks_like_deadline))
    return builder


def _resolve(nodes: list[Node], read_deadline, directory) -> tuple[list[dict], list[dict]]:
    problems: list[dict] = []
    return [_node_json(n, read_deadline, directory, problems) for n in nodes], problems


def _node_json(node: Node, read_deadline, directory, problems) -> dict:
    rows = [_row_json(node, r, read_deadline, directory, problems) for r in node.rows]
    children = [_node_json(c, read_deadline, directory, problems) for c in node.children]
    return {"code": node.code, "number": node.number, "title": clean_cell(node.title).replace("\n", " "),
            "children": children, "rows": rows, "line": node.line}


def _row_json(node: Node, cells: dict, read_deadline, directory, problems) -> dict:
    where = f"{node.code} (dòng {cells['lines'][0]})"
    row: dict[str, Any] = {"solutions": split_solutions(cells["solution"])}
    for role, field in _REF_FIELDS.items():
        refs, issues = directory.resolve_cell(clean_cell(cells[role]).replace("\n", " "), role)
        row[field] = refs
        problems.extend({"kind": "directory", "where": where, "message": m} for m in issues)
    row["deadline"] = read_deadline(clean_cell(cells["deadline"]).replace("\n", " "))
    if row["deadline"]["kind"] == "unknown":
        problems.append(_deadline_problem(where, row["deadline"]["text"]))
    row["output"] = clean_cell(cells["output"]).replace("\n", " ") or None
    row["lines"] = cells["lines"]
    return row


def _deadline_problem(where: str, text: str) -> dict:
    message = (f"Không hiểu thời hạn «{shorten(text)}»; cần người xác định ngày hạn." if text
               else "Dòng phân công không ghi thời hạn hoàn thành.")
    return {"kind": "deadline", "where": where, "message": message}


def _indicators(prose: list[str], tables: list[list[list[str]]]) -> tuple[list[dict], list[dict]]:
    lines = _appendix_lines(prose)
    if _APPENDIX_TAKES_TABLES:
        return parse_appendix(lines, tables)
    return parse_appendix(lines)


def _appendix_lines(prose: list[str]) -> list[str]:
    for index, line in enumerate(prose):
        if fold(line[:12]).startswith("phu luc"):  # only the start matters; long lines are costly to fold
            return prose[index:]
    return []
