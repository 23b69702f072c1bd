"""What changed between two versions of a plan, in words an office officer reads."""


def _flatten(nodes: list[dict], into: dict | None = None) -> dict:
    into = {} if into is None else into
    for node in nodes:
        into[node["code"]] = node
        _flatten(node["children"], into)
    return into


def _row_summary(row: dict) -> tuple:
    names = tuple(r["text"] for f in ("leaders", "lead_units", "coordinating_units") for r in row[f])
    return (row["deadline"]["text"], names, tuple(s["text"] for s in row["solutions"]))


def diff_plans(old: dict, new: dict) -> list[str]:
    before, after = _flatten(old.get("tasks", [])), _flatten(new.get("tasks", []))
    changes = [f"Thêm nhiệm vụ {code}: {after[code]['title'][:80]}" for code in after if code not in before]
    changes += [f"Bỏ nhiệm vụ {code}: {before[code]['title'][:80]}" for code in before if code not in after]
    for code in after.keys() & before.keys():
        changes += _node_changes(code, before[code], after[code])
    changes += _indicator_changes(old.get("indicators", []), new.get("indicators", []))
    return sorted(changes)


def _node_changes(code: str, old: dict, new: dict) -> list[str]:
    changes = []
    if old["title"] != new["title"]:
        changes.append(f"Sửa nội dung nhiệm vụ {code}")
    if len(old["rows"]) != len(new["rows"]):
        changes.append(f"Nhiệm vụ {code}: số dòng phân công {len(old['rows'])} → {len(new['rows'])}")
    # Rows past the shorter list are counted above, not compared.
    for index, (a, b) in enumerate(zip(old["rows"], new["rows"], strict=False), start=1):
        if a["deadline"]["text"] != b["deadline"]["text"]:
            changes.append(f"Nhiệm vụ {code}, dòng {index}: thời hạn «{a['deadline']['text']}» → "
                           f"«{b['deadline']['text']}»")
        elif _row_summary(a) != _row_summary(b):
            changes.append(f"Nhiệm vụ {code}, dòng {index}: sửa giải pháp hoặc phân công")
    return changes


def _indicator_changes(old: list[dict], new: list[dict]) -> list[str]:
    before = {i["code"]: i["text"] for i in old}
    after = {i["code"]: i["text"] for i in new}
    changes = [f"Thêm chỉ tiêu {c}" for c in after if c not in before]
    changes += [f"Bỏ chỉ tiêu {c}" for c in before if c not in after]
    changes += [f"Sửa chỉ tiêu {c}: «{before[c]}» → «{after[c]}»" for c in after
                if c in before and before[c] != after[c]]
    return changes
