"""Audit of the task table itself: numbering gaps and duplicates, and counts the text claims."""
import re

from .textutil import fold

_CLAIM = re.compile(r"(\d{1,3})\s+(nhiem vu trong tam|nhom nhiem vu|nhom)\b")


def audit_tree(nodes: list[dict]) -> list[dict]:
    anomalies: list[dict] = []
    _walk(nodes, None, anomalies)
    return anomalies


def _walk(nodes: list[dict], parent: dict | None, anomalies: list[dict]) -> None:
    anomalies.extend(_sibling_numbering(nodes, parent))
    for node in nodes:
        anomalies.extend(_solution_numbering(node))
        anomalies.extend(_count_claims(node))
        _walk(node["children"], node, anomalies)


def _last_segment(number: str) -> int | None:
    tail = number.split(".")[-1]
    return int(tail) if tail.isdigit() else _roman_value(tail)


def _roman_value(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for ch, nxt in zip(text, text[1:] + " ", strict=True):
        total += -values[ch] if values.get(nxt, 0) > values[ch] else values[ch]
    return total


def _sibling_numbering(nodes: list[dict], parent: dict | None) -> list[dict]:
    where = parent["code"] if parent else "bảng nhiệm vụ"
    numbered = [(n, _last_segment(n["number"])) for n in nodes if n["number"]]
    found, seen, previous = [], set(), 0
    for node, value in numbered:
        if value is None:
            continue
        if value in seen:
            found.append(_anomaly(node["code"], f"Số thứ tự {node['number']} bị trùng trong {where}."))
        elif value > previous + 1:
            missing = ", ".join(_missing_numbers(node["number"], previous, value))
            found.append(_anomaly(where, f"Đánh số nhiệm vụ bị nhảy: sau {previous or 'đầu mục'} "
                                         f"là {node['number']}, thiếu {missing}."))
        seen.add(value)
        previous = max(previous, value)
    return found


def _missing_numbers(number: str, previous: int, value: int) -> list[str]:
    prefix = number.rsplit(".", 1)[0] + "." if "." in number else ""
    return [f"{prefix}{n}" for n in range(previous + 1, value)]


def _solution_numbering(node: dict) -> list[dict]:
    """Numbers run on across a task's rows; a row that starts again at (1) begins a new list."""
    found, previous = [], 0
    for row in node["rows"]:
        for solution in row["solutions"]:
            if not solution["number"]:
                continue
            value = int(solution["number"].strip("()"))
            if value == 1:
                previous = 0
            if value <= previous:
                found.append(_anomaly(node["code"], f"Giải pháp {solution['number']} "
                                                    f"của nhiệm vụ {node['code']} bị trùng số."))
            elif value > previous + 1:
                missing = ", ".join(f"({n})" for n in range(previous + 1, value))
                found.append(_anomaly(node["code"], f"Nhiệm vụ {node['code']}: sau giải pháp ({previous}) "
                                                    f"là {solution['number']}, thiếu giải pháp {missing}."))
            previous = max(previous, value)
    return found


def _count_claims(node: dict) -> list[dict]:
    if not node["children"]:  # most nodes are tasks: no groups to count, and no title to search
        return []
    match = _CLAIM.search(fold(node["title"]))
    if not match:
        return []
    claimed, actual = int(match.group(1)), len(node["children"])
    if claimed == actual:
        return []
    return [{"kind": "count", "where": node["code"],
             "message": f"Mục {node['code']} nêu «{match.group(1)} {_claim_words(node['title'], match)}» "
                        f"nhưng bảng có {actual} nhóm nhiệm vụ."}]


def _claim_words(title: str, match: re.Match) -> str:
    return {"nhiem vu trong tam": "nhiệm vụ trọng tâm", "nhom nhiem vu": "nhóm nhiệm vụ"}.get(match.group(2), "nhóm")


def _anomaly(where: str, message: str) -> dict:
    return {"kind": "numbering", "where": where, "message": message}
