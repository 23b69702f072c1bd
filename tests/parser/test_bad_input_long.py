"""Overlong pieces of a damaged plan are read whole, in time that grows with their length, not its square.

Before the fix a footnote of 57,000 characters without a colon (a list pasted from a spreadsheet) took about
20 s and a cell of 3,000 names about 2 s: enough, a few times over, to time out an upload. These tests assert
what is read; a regression shows as a suite that suddenly takes minutes, never as a timed assertion.
"""
from planparser.plan import parse_document
from tests.conftest import SAMPLE


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def parsed(lines: list[str]) -> dict:
    return parse_document("\n".join(lines).encode("utf-8"), "ke-hoach-2023.txt")


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def test_a_footnote_of_a_pasted_list_without_a_colon_is_kept_whole():
    lines = sample_lines()
    at = next(i for i, line in enumerate(lines) if line.startswith("¹ Trong đó"))
    households = " ".join(f"hộ ông Nguyễn Văn {n} xóm {n % 12 + 1}" for n in range(1, 2001))
    lines[at] = f"¹ Danh sách hộ được hỗ trợ {households}"
    plan = parsed(lines)
    production = next(i for i in plan["indicators"] if i["code"] == "I.1")
    assert production["footnote"] == f"Danh sách hộ được hỗ trợ {households}"
    assert len(production["footnote"]) > 57000
    # 971 tỷ đồng and 10,8 % stay the indicator's targets; the list is a remark with figures in names only.
    assert [str(t["value"]) for t in production["targets"]] == ["971", "10.8"]


def test_a_cell_of_three_thousand_names_gives_three_thousand_references():
    lines = sample_lines()
    at = next(i for i, line in enumerate(lines) if line.startswith("7.1\t"))
    cells = lines[at].split("\t")
    cells[5] = ", ".join(f"Xóm {n}" for n in range(1, 3001))  # the coordinating-units column
    lines[at] = "\t".join(cells)
    task = next(n for n in walk(parsed(lines)["tasks"]) if n["number"] == "7.1")
    names = [ref["text"] for ref in task["rows"][0]["coordinating_units"]]
    assert names == [f"Xóm {n}" for n in range(1, 3001)]
