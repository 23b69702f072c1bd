"""The ranking of communes on the province dashboard: a pure rule, stated in words on the page (RULE)."""
from fractions import Fraction

from .queries import CommuneLine

RULE = ("Xếp hạng theo tỷ lệ báo cáo đúng hạn của kỳ (số báo cáo gửi đúng hạn / số báo cáo phải gửi), cao xếp "
        "trước; bằng nhau thì theo tỷ lệ nhiệm vụ chưa hoàn thành, quá hạn trên tổng số nhiệm vụ, thấp xếp trước; "
        "vẫn bằng nhau thì đồng hạng. Xã/phường chưa có kế hoạch năm không được xếp hạng.")


def _key(line: CommuneLine) -> tuple[Fraction, Fraction]:
    # Exact fractions: two communes with 7/10 and 14/20 must tie, which floats do not promise.
    on_time = Fraction(line.on_time_reports, line.expected) if line.expected else Fraction(0)
    overdue = Fraction(line.overdue, line.total_rows) if line.total_rows else Fraction(0)
    return -on_time, overdue


def rank(lines: list[CommuneLine]) -> list[CommuneLine]:
    """Set each planned commune's `rank` (1, 2, 2, 4 … on ties); unplanned ones keep 0. Returns them best first."""
    planned = sorted((line for line in lines if line.plan_id), key=lambda line: (_key(line), line.name))
    previous, place = None, 0
    for position, line in enumerate(planned, start=1):
        key = _key(line)
        if key != previous:
            previous, place = key, position
        line.rank = place
    return planned + sorted((line for line in lines if not line.plan_id), key=lambda line: line.name)
