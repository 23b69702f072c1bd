"""Nest the appendix's entries the way their numbering says, and give each its code.

Nesting: a Roman line opens a group. Below it, each numbering style takes the depth at which it first appears
("1." then "a)" then "-"), as a reader of the printed page would take it; a style seen again closes everything
deeper. A decimal "1.2" goes under the printed "1" when there is one, otherwise it stands at the depth of "1.".

Roles, decided from the printed text alone:
- an entry without any target whose children are not its own decimal parts ("1. Các chỉ tiêu kinh tế" followed by
  "(1) …" or "a) …") is a heading: it names a group, and its number joins the group code;
- an entry under a group or heading is an indicator; an entry under an indicator is one of its components.
Codes are "group.item" as the contract says. The item part is the printed number: "1", "1.2", "a", and for "(8)"
the count itself, so a "(1) … (19)" count that runs across groups gives "I.1" … "I.7", "II.8" … "III.19" (unique
because the count never restarts). A "-" item has no printed number: it gets its place among the "-" items of
the same parent ("II.1", "II.2" …), which stays the same as long as the printed list does.
"""
_FIRST_LEVEL = 1


def nest(entries: list[dict]) -> list[dict]:
    """Fill each entry's "children" and return the top entries (Roman groups and items outside any group)."""
    tops: list[dict] = []
    stack: list[tuple[dict, float]] = []
    levels: dict[str, float] = {}
    for entry in entries:
        if entry["style"] == "roman":
            tops.append(entry)
            stack = [(entry, 0)]
            continue
        level = _place(entry, stack, levels)
        parent = stack[-1][0] if stack else None
        (parent["children"] if parent else tops).append(entry)
        stack.append((entry, level))
    return tops


def _place(entry: dict, stack: list[tuple[dict, float]], levels: dict[str, float]) -> float:
    """Pop the stack to the entry's parent and return the entry's depth."""
    if entry["style"] == "decimal":
        prefix = entry["number"].rsplit(".", 1)[0]
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0].get("number") == prefix and stack[index][0]["style"] in ("arabic", "decimal"):
                del stack[index + 1:]
                return stack[index][1] + 0.5
        style = "arabic"    # no printed parent: it stands where "1." would
    else:
        style = entry["style"]
    if style not in levels:
        levels[style] = len(levels) + _FIRST_LEVEL
    level = levels[style]
    while stack and stack[-1][1] >= level:
        stack.pop()
    return level


def own_number(entry: dict, siblings: list[dict]) -> str:
    """The item part of a code: as printed, or the place among unnumbered siblings of the same style."""
    if entry["number"] is not None:
        return entry["number"]
    same = [s for s in siblings if s["style"] == entry["style"] and s["number"] is None]
    return str(next(i for i, s in enumerate(same, start=1) if s is entry))


def join(prefix: str | None, number: str) -> str:
    return f"{prefix}.{number}" if prefix else number


def has_own_parts(entry: dict) -> bool:
    """"1." followed by "1.1", "1.2": the children are its parts, not items of a group it names."""
    return any(c["style"] == "decimal" for c in entry["children"])
