"""Server-drawn SVG bars (no script, so the page's CSP and printing need nothing): geometry only, in pure Python."""
from dataclasses import dataclass

from reports.rules import status as st

from .queries import CommuneLine

WIDTH = 600
LABEL_WIDTH = 170
BAR_HEIGHT = 18
GAP = 6
TOP_OVERDUE = 10


@dataclass
class Segment:
    code: str
    x: float
    width: float
    n: int

    @property
    def end(self) -> float:
        return round(self.x + self.width + 4, 1)


@dataclass
class Bar:
    label: str
    y: int
    segments: list[Segment]
    total: int


def _segments(counts: list[tuple[str, int]], scale_total: int) -> list[Segment]:
    usable = WIDTH - LABEL_WIDTH - 40
    x, segments = float(LABEL_WIDTH), []
    for code, n in counts:
        width = usable * n / scale_total if scale_total else 0
        if n:
            segments.append(Segment(code, round(x, 1), round(width, 1), n))
        x += width
    return segments


def area_bar(lines: list[CommuneLine]) -> Bar:
    """The whole area's rows by 4-way status, as one bar of 100%."""
    totals = [(code, sum(line.rows.get(code, 0) for line in lines)) for code in st.ORDER]
    whole = sum(n for _, n in totals)
    return Bar("Toàn địa bàn", 0, _segments(totals, whole), whole)


def most_overdue(lines: list[CommuneLine]) -> list[Bar]:
    """The communes with the most open overdue rows, longest bar first, on one common scale."""
    worst = sorted((line for line in lines if line.overdue), key=lambda line: (-line.overdue, line.name))[:TOP_OVERDUE]
    top = worst[0].overdue if worst else 0
    return [Bar(line.name, index * (BAR_HEIGHT + GAP), _segments([(st.OPEN_OVERDUE, line.overdue)], top),
                line.overdue) for index, line in enumerate(worst)]


def height(bars: list[Bar]) -> int:
    return max(len(bars), 1) * (BAR_HEIGHT + GAP)
