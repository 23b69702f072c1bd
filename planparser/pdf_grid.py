"""Tables of a PDF page, found from the ruling lines Word or LibreOffice draw around cells.

A table's grid is the set of distinct x of its vertical rules and y of its horizontal rules. A grid cell
whose right (or top) border is not drawn is merged with its neighbour, as Word's gridSpan (or vMerge) is.
"""
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from .pdf_text import Piece, Rule

_SNAP = 2.0  # rules closer than this (points) are the same line drawn twice, or a cell's two borders


@dataclass
class Grid:
    xs: list[float]
    ys: list[float]
    rules: list[Rule]
    # [row][col]: the merged region holding grid cell (row, col), by its top-left grid cell.
    _regions: list[list[tuple[int, int]]] = field(default_factory=list)
    _walls: list[list[bool]] = field(default_factory=list)  # [row][i]: is the vertical line xs[i] drawn in that row?
    reach: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # the box, widened by _SNAP on each side

    def __post_init__(self) -> None:
        uprights: dict[int, list[tuple[float, float]]] = {}  # drawn spans along each grid line, by its index
        flats: dict[int, list[tuple[float, float]]] = {}
        for rule in self.rules:
            edges, spans = (self.ys, flats) if rule.horizontal else (self.xs, uprights)
            at = _nearest(edges, rule.at)
            if at is not None:
                spans.setdefault(at, []).append((rule.low - _SNAP, rule.high + _SNAP))
        xs, ys = self.xs, self.ys
        self.reach = (xs[0] - _SNAP, ys[0] - _SNAP, xs[-1] + _SNAP, ys[-1] + _SNAP)
        row_middles, column_middles = _middles(ys), _middles(xs)
        across = [_drawn_at(uprights.get(i, ()), row_middles) for i in range(len(xs))]
        self._walls = [list(row) for row in zip(*across, strict=True)]
        self._regions = []
        for r, walls in enumerate(self._walls):
            floor = _drawn_at(flats.get(r, ()), column_middles)
            regions: list[tuple[int, int]] = []
            for c in range(len(xs) - 1):
                if c > 0 and not walls[c]:
                    regions.append(regions[c - 1])
                elif r > 0 and not floor[c]:
                    regions.append(self._regions[r - 1][c])
                else:
                    regions.append((r, c))
            self._regions.append(regions)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        left, top, right, bottom = self.reach
        return left <= x <= right and top <= y <= bottom

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """The (row, column) of the merged region holding this point: its top-left grid cell."""
        # Asked for every piece of text in a table, hence no helper: a point beyond the edges (within the
        # snap) belongs to the first or last row or column.
        row, col = bisect_right(self.ys, y) - 1, bisect_right(self.xs, x) - 1
        rows, cols = len(self._regions) - 1, len(self.xs) - 2
        row, col = 0 if row < 0 else min(row, rows), 0 if col < 0 else min(col, cols)
        return self._regions[row][col]

    def place(self, pieces: list[Piece]) -> tuple[list[Piece], dict[tuple[int, int], list[Piece]]]:
        """The pieces outside the table, and those inside by the merged region holding their middle: cell_at
        for a whole page at once, as most pages hold one table and each of its thousands of pieces is placed."""
        outside: list[Piece] = []
        cells: dict[tuple[int, int], list[Piece]] = {}
        left, top, right, bottom = self.reach
        xs, ys, regions = self.xs, self.ys, self._regions
        rows, cols = len(regions) - 1, len(xs) - 2
        for piece in pieces:
            x, y = (piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2
            if not (left <= x <= right and top <= y <= bottom):
                outside.append(piece)
                continue
            row, col = bisect_right(ys, y) - 1, bisect_right(xs, x) - 1
            if not (0 <= row <= rows and 0 <= col <= cols):  # beyond an edge, within the snap
                row, col = 0 if row < 0 else min(row, rows), 0 if col < 0 else min(col, cols)
            region = regions[row][col]
            cell = cells.get(region)
            if cell is None:
                cells[region] = [piece]
            else:
                cell.append(piece)
        return outside, cells

    def region(self, row: int, col: int) -> tuple[int, int]:
        """The merged region holding grid cell (row, col), as cell_at its centre."""
        return self._regions[row][col]

    def row_shape(self, row: int) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
        """How row `row` is cut into cells: the region of each grid cell, and the right wall of each."""
        return tuple(self._regions[row]), tuple(self.right_wall(row, col) for col in range(len(self.xs) - 1))

    def right_wall(self, row: int, col: int) -> int:
        """The index of the first vertical grid line drawn right of column `col` in `row` (the last line
        when none is): where the cell ends, merged across or not."""
        walls, end = self._walls[row], col + 1
        while end < len(walls) - 1 and not walls[end]:
            end += 1
        return end


def _middles(edges: list[float]) -> list[float]:
    return [(a + b) / 2 for a, b in pairwise(edges)]


def _drawn_at(spans, middles: list[float]) -> list[bool]:
    """For each of the (ascending) middles, whether a drawn span covers it."""
    drawn = [False] * len(middles)
    for low, high in spans:
        for i in range(bisect_left(middles, low), bisect_right(middles, high)):
            drawn[i] = True
    return drawn


def _nearest(edges: list[float], value: float) -> int | None:
    """The index of the grid line within _SNAP of `value`, if any."""
    i = bisect_right(edges, value)
    for j in (i - 1, i):
        if 0 <= j < len(edges) and abs(edges[j] - value) <= _SNAP:
            return j
    return None


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
    """The rules in groups that touch one another (through any chain), each group in the rules' order and
    the groups in the order of their first rule. A walk over the touching pairs, without a call per pair:
    every page asks, and its table's rules nearly all touch."""
    flat = [(i, r.at, r.low - _SNAP, r.high + _SNAP) for i, r in enumerate(rules) if r.horizontal]
    upright = [(i, r.at, r.low - _SNAP, r.high + _SNAP) for i, r in enumerate(rules) if not r.horizontal]
    neighbours: list[list[int]] = [[] for _ in rules]
    for h, y, left, right in flat:
        for v, x, top, bottom in upright:
            if left <= x <= right and top <= y <= bottom:  # the two rules touch (or nearly)
                neighbours[h].append(v)
                neighbours[v].append(h)
    seen = [False] * len(rules)
    groups: list[list[Rule]] = []
    for first in range(len(rules)):
        if seen[first]:
            continue
        seen[first], members, stack = True, [], [first]
        while stack:
            i = stack.pop()
            members.append(i)
            for j in neighbours[i]:
                if not seen[j]:
                    seen[j] = True
                    stack.append(j)
        groups.append([rules[i] for i in sorted(members)])
    return groups
