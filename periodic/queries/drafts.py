"""The first text of each narrative section, drafted from the figures; the office rewrites it as it sees fit.

Written once, when the report is created (services.narratives.create_report); from then on the section holds what
people wrote, and no export or later import replaces it.
"""
from collections import Counter

from dashboard.queries import figures as board_rows
from dashboard.queries import report as services_report
from reports.rules import status as st
from theodoi import formatting as fmt

from .. import rules
from .figures import Figures


def sections(figures: Figures) -> list[tuple[str, str, str]]:
    """(key, title, drafted text) for every section, in document order: one per part, then the closing ones."""
    counts = figures.part_counts()
    drafted = [(rules.part_key(part.code), services_report.part_title(part), _part_text(counts[part.pk]))
               for part in figures.parts()]
    texts = {rules.GENERAL: _general(figures), rules.SHORTCOMINGS: _shortcomings(figures),
             rules.NEXT: _next(figures), rules.PROPOSALS: _proposals(figures)}
    next_words = rules.next_span_words(figures.period)
    return drafted + [(key, title.format(next_words=next_words), texts[key]) for key, title in rules.CLOSING_SECTIONS]


def _count_words(counts: Counter) -> str:
    return "; ".join(f"{st.LABELS[code].lower()} {fmt.number(counts.get(code, 0))}" for code in st.ORDER)


def _part_text(counts: Counter) -> str:
    return (f"Phần này có {fmt.number(sum(counts.values()))} nhiệm vụ được phân công; trong đó: "
            f"{_count_words(counts)}.")


def _general(figures: Figures) -> str:
    colours = Counter(line["colour"] for line in figures.indicators if line["judged"])
    judged = sum(colours.values())
    indicators = (f"Về chỉ tiêu: {fmt.number(judged)}/{fmt.number(len(figures.indicators))} chỉ tiêu đã có số liệu; "
                  f"{fmt.number(colours.get('green', 0))} chỉ tiêu đạt hoặc đúng tiến độ, "
                  f"{fmt.number(colours.get('amber', 0))} chỉ tiêu chậm nhưng còn khắc phục được, "
                  f"{fmt.number(colours.get('red', 0))} chỉ tiêu có nguy cơ không đạt.")
    return "\n".join([services_report.summary(figures.tally), indicators])


def _shortcomings(figures: Figures) -> str:
    overdue = [line for line in figures.unfinished if line["days_overdue"] is not None]
    lines = [f"Còn {fmt.number(len(overdue))} nhiệm vụ chưa hoàn thành, quá hạn."]
    lines += [f"- {line['code']} ({line['units']}): {line['reasons']}" for line in figures.unfinished
              if line["reasons"]]
    lines += [f"- Chỉ tiêu {line['code']} {line['name']} ({line['unit']}): {line['explanation']}"
              for line in figures.reds]
    return "\n".join(lines)


def _next(figures: Figures) -> str:
    span = figures.span
    due = board_rows.due_between(figures.rows, span.next_start, span.next_end)
    lines = [f"Tập trung chỉ đạo hoàn thành các nhiệm vụ đến hạn từ {fmt.short_date(span.next_start)} đến "
             f"{fmt.short_date(span.next_end)} và các nhiệm vụ đã quá hạn:"]
    lines += [f"- {services_report.row_line(row, span.as_of, figures.marks)}"
              for row in due + [r for r in figures.rows if r.status.code == st.OPEN_OVERDUE and r not in due]]
    return "\n".join(lines)


def _proposals(figures: Figures) -> str:
    lines = [f"- {line['code']} ({line['units']}): {line['proposals']}" for line in figures.unfinished
             if line["proposals"]]
    return "\n".join(lines) or "Không có đề xuất, kiến nghị."
