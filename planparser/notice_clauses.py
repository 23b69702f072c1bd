"""Read one conclusion's assignment: "Giao <leader> chỉ đạo <lead> chủ trì, phối hợp với <units> <action>;
thời gian hoàn thành: <deadline>".

Names are resolved by the plan's directory (directory.Directory.resolve_cell), deadlines by the plan's deadline
grammar (deadlines.parse_deadline). A notice has no columns, so where a list of units ends and the action begins
is found by the directory: the list runs while its pieces are names the directory knows. Whatever is not
understood is kept as printed and reported.
"""
import re

from .deadlines import parse_deadline
from .directory import Directory
from .textutil import fold

_LEADER = re.compile(r"giao\s+(?:(?:dong chi|d/c|d\.c)\s+)?(?P<leader>(?:pho\s+)?chu tich\b.*?)\s+"
                     r"(?:truc tiep\s+)?chi dao\s+")
_GIAO = re.compile(r"giao\s+(?:cho\s+)?")
_LEAD_END = re.compile(r"\s*,?\s*(?:chu tri|la don vi chu tri)\b")
_COORDINATING = re.compile(r"phoi hop\s+(?:voi\s+|cung\s+)?")
_SEPARATOR = re.compile(r"\s*,\s*|\s+va\s+")
# Markers that introduce a deadline: "thời gian hoàn thành: …", "thời hạn: …", or the deadline words themselves.
_LABELLED = re.compile(r"(?:thoi gian hoan thanh|thoi gian thuc hien|thoi han(?: hoan thanh)?)\s*:?\s*")
_WORDS = re.compile(r"\b(?:truoc ngay|truoc thang|trong thang|trong quy|quy\s+[ivx\d]+\s*/|thang\s+\d{1,2}\s*/|"
                    r"thuong xuyen|hang thang|hang quy|hang nam|den het|trong nam|truoc\s+\d{1,2}/)")


def aligned_fold(text: str) -> str:
    """fold() one character at a time, so a position in the folded text is the same position in the printed one."""
    folded = "".join(fold(ch) or ch for ch in text)
    return folded if len(folded) == len(text) else text.lower()


def read_clause(text: str, year: int | None, directory: Directory) -> tuple[dict, list[str]]:
    """-> (the contract's Row fields: leaders, lead_units, coordinating_units, deadline; problems in Vietnamese)."""
    folded = aligned_fold(text)
    problems: list[str] = []
    leaders, lead_from = _leaders(text, folded, directory, problems)
    lead_units, coordinating = _units(text, folded, lead_from, directory, problems)
    deadline = _deadline(text, folded, year, problems)
    return {"leaders": leaders, "lead_units": lead_units, "coordinating_units": coordinating,
            "deadline": deadline}, problems


def _leaders(text: str, folded: str, directory: Directory, problems: list[str]) -> tuple[list[dict], int]:
    match = _LEADER.search(folded)
    if not match:
        start = _GIAO.search(folded)
        return [], start.end() if start else 0
    refs, found = directory.resolve_cell(text[match.start("leader"):match.end("leader")], "leader")
    problems += found
    return refs, match.end()


def _units(text, folded, start, directory, problems) -> tuple[list[dict], list[dict]]:
    end = _LEAD_END.search(folded, start)
    coordinating_at = _COORDINATING.search(folded, start)
    if end and (coordinating_at is None or end.start() < coordinating_at.start()):
        lead, found = directory.resolve_cell(text[start:end.start()], "lead")
        problems += found
    else:
        lead = _known_list(text, folded, start, len(text), "lead", directory, problems)
    if not lead:
        problems.append("Không xác định được đơn vị chủ trì; cần người chọn đơn vị.")
    if coordinating_at is None:
        return lead, []
    stop = _deadline_start(folded)
    stop = stop if stop is not None and stop > coordinating_at.end() else len(text)
    return lead, _known_list(text, folded, coordinating_at.end(), stop, "coordinating", directory, problems)


def _known_list(text, folded, start, stop, column, directory, problems) -> list[dict]:
    """The names at the head of text[start:stop], up to where the action begins ("… tổ chức thăm hỏi …")."""
    pieces = _pieces(folded, start, stop)
    refs: list[dict] = []
    index = 0
    while index < len(pieces):
        last = _longest_known(text, pieces, index, column, directory)
        if last is not None:
            refs += directory.resolve_cell(text[pieces[index][0]:pieces[last][1]], column)[0]
            index = last + 1
            continue
        a, b, _ = pieces[index]
        head = _known_head(text, a, b, column, directory)
        if head:
            return refs + head
        if not any(_known(text[x:y], column, directory) for x, y, _ in pieces[index + 1:]):
            break
        # An unknown name between known ones is a unit the directory lacks: kept as printed, for review.
        unknown, messages = directory.resolve_cell(text[a:b], column)
        refs += unknown
        problems += messages
        index += 1
    return refs


def _longest_known(text, pieces, index, column, directory) -> int | None:
    """The last piece of the longest known run from `index` that crosses only "và": a name may hold "và"
    ("Văn phòng HĐND và UBND xã"), so "A và B" is tried whole before "A"."""
    last = index
    while last + 1 < len(pieces) and pieces[last][2]:
        last += 1
    for end in range(last, index - 1, -1):
        if _known(text[pieces[index][0]:pieces[end][1]], column, directory):
            return end
    return None


def _pieces(folded: str, start: int, stop: int) -> list[tuple[int, int, bool]]:
    """(start, end, followed by "và") of each piece between commas and "và"."""
    pieces, at = [], start
    for match in _SEPARATOR.finditer(folded, start, stop):
        if match.start() > at:
            pieces.append((at, match.start(), "," not in match.group()))
        at = match.end()
    if stop > at:
        pieces.append((at, stop, False))
    return pieces


def _known(piece: str, column: str, directory: Directory) -> bool:
    refs, _ = directory.resolve_cell(piece, column)
    return bool(refs) and not any(r.get("review") for r in refs)


def _known_head(text: str, a: int, b: int, column: str, directory: Directory) -> list[dict]:
    """The longest run of leading words that the directory reads as ONE name: "Trạm Y tế xã tổ chức" -> "Trạm Y tế
    xã". One name only, since action words can be aliases too ("các HTX xây dựng phương án": "xây dựng" is a post)."""
    words = [m.end() for m in re.finditer(r"\S+", text[a:b])]
    for end in reversed(words[:-1]):
        refs, _ = directory.resolve_cell(text[a:a + end], column)
        if len(refs) == 1 and not refs[0].get("review"):
            return refs
    return []


def _deadline_start(folded: str) -> int | None:
    labelled = list(_LABELLED.finditer(folded))
    if labelled:
        return labelled[-1].start()
    words = list(_WORDS.finditer(folded))
    return _clause_start(folded, words[-1].start()) if words else None


def _clause_start(folded: str, at: int) -> int:
    return max(folded.rfind(";", 0, at), folded.rfind(",", 0, at)) + 1


def _deadline(text: str, folded: str, year: int | None, problems: list[str]) -> dict:
    labelled = list(_LABELLED.finditer(folded))
    start: int | None
    if labelled:
        start = labelled[-1].end()
    else:
        words = list(_WORDS.finditer(folded))
        start = words[-1].start() if words else None
    if start is None:
        problems.append("Không thấy thời hạn hoàn thành; cần người nhập thời hạn.")
        return parse_deadline("", year)
    end = folded.find(";", start)
    printed = text[start:end if end >= 0 else len(text)].strip(" .;,")
    deadline = parse_deadline(printed, year)
    if deadline["kind"] == "unknown":
        problems.append(f"Không hiểu thời hạn «{printed}»; cần người nhập lại thời hạn.")
    return deadline
