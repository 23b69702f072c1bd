"""Tables of a PDF page, found from the ruling lines Word or LibreOffice draw around cells.

A table's grid is the set of distinct x of its vertical rules and y of its horizontal rules. A grid cell
whose right (or top) border is not drawn is merged with its neighbour, as Word's gridSpan (or vMerge) is.
"""
from bisect import bisect_right
from dataclasses import dataclass, field

from .pdf_text import Rule

_SNAP = 2.0  # rules closer than this (points) are the same line drawn twice, or a cell's two borders


@dataclass
class Grid:
    xs: list[float]
    ys: list[float]
    rules: list[Rule]
    _regions: list[list[tuple[int, int]]] = field(default_factory=list)
    # Drawn spans along each grid line, by the line's index: a page has thousands of cell checks.
    _uprights: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    _flats: dict[int, list[tuple[float, float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rule in self.rules:
            edges, spans = (self.ys, self._flats) if rule.horizontal else (self.xs, self._uprights)
            at = _nearest(edges, rule.at)
            if at is not None:
                spans.setdefault(at, []).append((rule.low - _SNAP, rule.high + _SNAP))
        rows, cols = len(self.ys) - 1, len(self.xs) - 1
        self._regions = [[(r, c) for c in range(cols)] for r in range(rows)]
        for r in range(rows):
            for c in range(cols):
                row, col = r, c
                if col > 0 and not self._drawn(self._uprights, col, (self.ys[row] + self.ys[row + 1]) / 2):
                    row, col = self._regions[r][c - 1]
                elif row > 0 and not self._drawn(self._flats, row, (self.xs[col] + self.xs[col + 1]) / 2):
                    row, col = self._regions[r - 1][c]
                self._regions[r][c] = (row, col)

    @staticmethod
    def _drawn(spans: dict, index: int, at: float) -> bool:
        return any(low <= at <= high for low, high in spans.get(index, ()))

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] - _SNAP <= x <= self.xs[-1] + _SNAP and self.ys[0] - _SNAP <= y <= self.ys[-1] + _SNAP

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """The (row, column) of the merged region holding this point: its top-left grid cell."""
        return self._regions[_index(self.ys, y)][_index(self.xs, x)]

    def has_vertical(self, x: float, row: int) -> bool:
        at = _nearest(self.xs, x)
        return at is not None and self._drawn(self._uprights, at, (self.ys[row] + self.ys[row + 1]) / 2)

    def has_horizontal(self, y: float, col: int) -> bool:
        at = _nearest(self.ys, y)
        return at is not None and self._drawn(self._flats, at, (self.xs[col] + self.xs[col + 1]) / 2)


def _nearest(edges: list[float], value: float) -> int | None:
    """The index of the grid line within _SNAP of `value`, if any."""
    i = bisect_right(edges, value)
    for j in (i - 1, i):
        if 0 <= j < len(edges) and abs(edges[j] - value) <= _SNAP:
            return j
    return None


def _index(edges: list[float], value: float) -> int:
    return min(max(bisect_right(edges, value) - 1, 0), len(edges) - 2)


def find_grids(rules: list[Rule]) -> list[Grid]:
    """Each group of rules that touch one another, with at least two of each direction, is one table."""
    grids = []
    for group in _touching_groups(rules):
        xs = _distinct(r.at for r in group if not r.horizontal)
        ys = _distinct(r.at for r in group if r.horizontal)
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys, group))
    return sorted(grids, key=lambda g: g.ys[0])


def _distinct(values) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


def _touching_groups(rules: list[Rule]) -> list[list[Rule]]:
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    flat = [i for i, r in enumerate(rules) if r.horizontal]
    upright = [i for i, r in enumerate(rules) if not r.horizontal]
    for h in flat:
        for v in upright:
            if _touch(rules[h], rules[v]):
                parent[root(h)] = root(v)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


def _touch(flat: Rule, upright: Rule) -> bool:
    return (flat.low - _SNAP <= upright.at <= flat.high + _SNAP
            and upright.low - _SNAP <= flat.at <= upright.high + _SNAP)
