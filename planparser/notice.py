"""Read a document that gives tasks during the year (a conclusion notice, a directive …) into a Notice.

Notice = {
  "kind": "conclusion" | "directive" | "resolution" | "letter" | "other",
  "issuer", "locality", "number", "issued_on", "signer": as in the Plan JSON (planparser.header reads them),
  "year": the year of issue (the year a deadline without one belongs to),
  "title": "Kết luận của Chủ tịch UBND xã … tại cuộc họp …" | null,   # the subject line, as printed
  "follow_up": "Giao Văn phòng … theo dõi, đôn đốc …" | null,
  "tasks": [{"where": "Mục 2, điểm a", "number": "a)", "text": "...", "leaders", "lead_units",
             "coordinating_units": [Ref], "deadline": Deadline, "output": null, "problems": ["..."]}],
  "anomalies": [Anomaly]   # every task's problems with its "where", and the header's
}
Pure Python: the same readers (readers.read_blocks) and the same directory and deadline grammar as the plan.
"""
import re

from .blocks import Para, PlanReadError, Row
from .directory import Directory
from .header import header_facts
from .notice_clauses import read_clause
from .notice_items import split_items
from .readers import read_blocks
from .textutil import fold, squash

# Decree 30/2020/NĐ-CP, Appendix III: the abbreviations of document types in "Số: 45/TB-UBND".
_KINDS_BY_TYPE = (("thong bao", "conclusion"), ("chi thi", "directive"), ("nghi quyet", "resolution"),
                  ("cong van", "letter"))
_KINDS_BY_NUMBER = {"TB": "conclusion", "CT": "directive", "NQ": "resolution"}
_TYPE_LIMIT = 30  # the document type is printed well within the first lines
_YEAR = re.compile(r"\b(20\d\d)\b")


def parse_notice(data: bytes, name: str, directory: Directory | None = None) -> dict:
    if not data or not data.strip():
        raise PlanReadError(f"Tệp «{name}» trống.")
    lines = _lines(read_blocks(data, name))
    return read_notice(lines, name, directory)


def read_notice(lines: list[str], name: str = "văn bản", directory: Directory | None = None) -> dict:
    """lines: the document's lines in reading order (a pasted text split at its line breaks)."""
    facts = header_facts(lines)
    type_at, kind = _document_type(lines, facts["number"])
    year = _year(facts)
    locality = facts["locality"] or {}
    directory = directory or Directory.default(locality.get("kind", "xã"), locality.get("name", ""))
    items, follow_up = split_items(lines[type_at + 2 if type_at is not None else 0:])
    if not items:
        raise PlanReadError(f"Không tìm thấy nhiệm vụ nào được giao («Giao … chủ trì …») trong «{name}».")
    tasks = [_task(item, year, directory) for item in items]
    anomalies = facts["anomalies"] + [{"kind": "notice", "where": t["where"], "message": p}
                                      for t in tasks for p in t["problems"]]
    return {"kind": kind, "issuer": facts["issuer"], "locality": facts["locality"], "number": facts["number"],
            "issued_on": facts["issued_on"], "year": year, "signer": facts["signer"],
            "title": _subject(lines, type_at), "follow_up": follow_up, "tasks": tasks, "anomalies": anomalies}


def _lines(blocks) -> list[str]:
    """Paragraphs, and the cells of layout tables (the heading's two columns) one after the other."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(block.text)
        elif isinstance(block, Row):
            lines += [c for cell in block.cells for c in cell.splitlines() if c.strip()]
    return lines


def _document_type(lines: list[str], number: str | None) -> tuple[int | None, str]:
    for index, line in enumerate(lines[:_TYPE_LIMIT]):
        folded = fold(line)
        for words, kind in _KINDS_BY_TYPE:
            if folded == words and squash(line).isupper():
                return index, kind
    suffix = (number or "").split("/")[-1].split("-")[0].upper()
    return None, _KINDS_BY_NUMBER.get(suffix, "other")


def _subject(lines: list[str], type_at: int | None) -> str | None:
    if type_at is None or type_at + 1 >= len(lines):
        return None
    return squash(lines[type_at + 1]) or None


def _year(facts: dict) -> int | None:
    if facts["issued_on"]:
        return int(facts["issued_on"][:4])
    found = _YEAR.search(facts["number"] or "")
    return int(found.group(1)) if found else None


def _task(item, year, directory) -> dict:
    fields, problems = read_clause(item.text, year, directory)
    return {"where": item.where, "number": item.number, "text": item.text, **fields, "output": None,
            "problems": problems}
