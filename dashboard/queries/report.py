"""The consolidated report for a month or a derived period (quarter, 6 and 9 months, year): its content.

One builder for every kind: the span's months are the commune's monthly periods inside it, the statuses are
judged at the span's data cut-off, the 14th of its last month (or today while it runs), and the next period is
what section V looks ahead to.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import prefetch_related_objects

from arising.queries import markers, part_heading
from indicators.queries import describe_target, met_text, plan_standings, value_text
from plans.models import Plan
from reports.models import ReportingPeriod, ReportState, RowReport, RowRole
from reports.queries import rates
from reports.rules import status as st
from theodoi import decree30 as d30
from theodoi import formatting as fmt
from theodoi.periods import KINDS, MONTH, Period

from . import figures

NEXT_WORDS = {"month": "THÁNG TỚI", "quarter": "QUÝ TỚI", "half": "6 THÁNG CUỐI NĂM", "nine_months": "QUÝ IV",
              "year": "NĂM TỚI"}
NUMBER = "…/BC-UBND"  # left for the clerk (văn thư) to fill in at issuance, as in the reminder letter


@dataclass
class Span:
    period: Period
    months: list[ReportingPeriod]
    as_of: date
    next_start: date
    next_end: date


def span_for(anchor: ReportingPeriod, kind: str, number: int | None, today: date) -> Span:
    """The month itself, or the derived period of `kind` in the month's year (ValueError if it does not exist)."""
    if kind not in KINDS:
        raise ValueError(kind)
    period = Period(MONTH, anchor.year, anchor.month) if kind == MONTH else Period(kind, anchor.year, number or 1)
    wanted = {(period.year, p) for p in range(period.first_month, period.last_month + 1)}
    months = [m for m in ReportingPeriod.objects.filter(commune_id=anchor.commune_id, year=period.year)
              .order_by("month") if (m.year, m.month) in wanted]
    next_start = period.end + timedelta(days=1)
    # Decree 09/2019/NĐ-CP, Art. 12: the data closes on the 14th, and the statuses are judged on that day.
    return Span(period, months, period.judged_on(today), next_start, _next_end(period))


def _next_end(period: Period) -> date:
    if period.kind == MONTH:
        return Period(MONTH, period.year + (period.number == 12), period.number % 12 + 1).end
    if period.kind == "quarter":
        return Period("quarter", period.year + (period.number == 4), period.number % 4 + 1).end
    if period.kind == "year" or (period.kind == "half" and period.number == 2):
        return Period("half" if period.kind == "half" else "year", period.year + 1).end
    return Period("year", period.year).end


def span_words(period: Period) -> str:
    return period.words


def next_words(period: Period) -> str:
    return "NĂM TỚI" if period.kind == "half" and period.number == 2 else NEXT_WORDS[period.kind]


def subject(period: Period) -> str:
    return f"Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội {span_words(period)}"


def _month_rows(span: Span, roles=(RowRole.LEAD,)):
    return (RowReport.objects.filter(report__period__in=span.months, role__in=roles)
            .select_related("report__unit", "report__period")
            .order_by("report__period__month", "assignment__node__order", "assignment__order"))


def results_by_group(rows: list[figures.Row], span: Span, marks: dict[int, str] | None = None) -> list[dict]:
    """Section I: what accepted reports say was done (coordinating units' part too), under each part and group.
    marks: node pk -> how an arising task's origin is printed (arising.queries.markers)."""
    marks = marks or {}
    shared = _tasks_with_several_rows(rows)
    texts: dict[int, list[str]] = {}
    accepted = _month_rows(span, (RowRole.LEAD, RowRole.COORDINATING)).filter(report__state=ReportState.ACCEPTED)
    for item in accepted.exclude(results="").order_by("report__period__month", "role", "pk"):
        who = item.report.unit.name if item.role == RowRole.LEAD else f"phối hợp: {item.report.unit.name}"
        texts.setdefault(item.assignment_id, []).append(f"{item.results.strip()} ({who})")
    parts: dict[int, dict] = {}
    for row in rows:
        if row.pk not in texts or row.part is None:
            continue
        part = parts.setdefault(row.part.pk, {"pk": row.part.pk, "title": part_title(row.part), "groups": {}})
        group_node = row.group or row.task
        group = part["groups"].setdefault(group_node.pk, {"title": marked(_short(group_node), group_node.pk, marks),
                                                          "lines": []})
        words = solutions_words(row) if row.task.pk in shared else ""
        where = f"{row.task.code} ({words})" if words else row.task.code
        group["lines"] += [f"{where} – {row.status.label.lower()}: {t}" for t in texts[row.pk]]
    return [{"pk": p["pk"], "title": p["title"], "groups": list(p["groups"].values())} for p in parts.values()]


def marked(text: str, node_pk: int, marks: dict[int, str]) -> str:
    """The text, then how an arising task's origin is printed (arising.queries.markers) when the node is one."""
    return f"{text} ({marks[node_pk]})" if node_pk in marks else text


def _tasks_with_several_rows(rows: list[figures.Row]) -> set[int]:
    seen: dict[int, int] = {}
    for row in rows:
        seen[row.task.pk] = seen.get(row.task.pk, 0) + 1
    return {pk for pk, count in seen.items() if count > 1}


def solutions_words(row: figures.Row) -> str:
    """ "giải pháp (1), (2)", or "" for a row without numbered solutions."""
    numbers = row.solution_numbers
    return f"giải pháp {', '.join(numbers)}" if numbers else ""


def part_title(node) -> str:
    return part_heading(node, f"Phần {node.number or node.code}. {_short(node, 160)}")


def _short(node, limit: int = 200) -> str:
    text = fmt.shorten(node.title.rstrip(":").strip(), limit)
    return f"{node.number}. {text}" if node.level == "group" and node.number else text


def summary(tally: rates.Tally) -> str:
    """The counts of rates.tally, the ones the dashboard, the chase page and the reminder letter give."""
    parts = [f"{st.LABELS[c].lower()} {fmt.number(n)}" for c, n in tally.by_status()]
    reports = (f" Các đơn vị gửi {fmt.number(tally.on_time_reports)}/{fmt.number(tally.expected)} báo cáo đúng hạn, "
               f"{fmt.number(tally.late_reports)} báo cáo muộn, {fmt.number(tally.missing_reports)} báo cáo chưa gửi."
               if tally.expected else "")
    return (f"Tổng số {fmt.number(tally.total)} nhiệm vụ được phân công; trong đó: " + "; ".join(parts) + "."
            + reports)


def indicator_lines(plan: Plan, as_of: date) -> list[dict]:
    """Section II in document order: target, latest value up to the span's end, attainment."""
    standings = plan_standings(plan, as_of)
    lines = []
    for standing in standings:
        target = standing.indicator.primary_target
        latest = standing.latest
        lines.append({"code": standing.indicator.code, "name": standing.indicator.name,
                      "target": "; ".join(describe_target(t) for t in standing.indicator.targets.all()),
                      "value": _value_words(latest), "attainment": _attainment(standing, target)})
    return lines


def _value_words(latest) -> str:
    if latest is None:
        return "Chưa có số liệu"
    cumulative = ", lũy kế" if latest.is_cumulative else ""
    return f"{value_text(latest)} ({latest.period.label}{cumulative})"


def _attainment(standing, target) -> str:
    if target is None:
        return "Theo chỉ tiêu thành phần"
    met = standing.verdict.met
    words = met_text(met) or "Chưa đánh giá"
    return words if standing.colour in ("grey", "green") else f"{words} – {standing.verdict.label.split(' – ')[0]}"


def obstacles_and_proposals(span: Span) -> tuple[list[str], list[str]]:
    """Sections III and IV: what sent or accepted reports raise, each with its row and unit."""
    obstacles, proposals = [], []
    items = _month_rows(span).filter(report__state__in=(ReportState.SUBMITTED, ReportState.ACCEPTED))
    for item in items.select_related("assignment__node"):
        where = f"{item.assignment.node.code} ({item.report.unit.name})"
        if item.obstacles.strip():
            obstacles.append(f"{where}: {item.obstacles.strip()}")
        if item.proposals.strip():
            proposals.append(f"{where}: {item.proposals.strip()}")
    return obstacles, proposals


def row_line(row: figures.Row, as_of: date, marks: dict[int, str] | None = None) -> str:
    """One row of section V: the task cut at a word, which of its rows (solutions, lead unit), and its date; a missed
    milestone is given with its own date, from which its overdue days count."""
    due = fmt.due_words(row.assignment, row.status, as_of)
    late = f", quá hạn {fmt.days(row.status.days_overdue)}" if row.status.code == st.OPEN_OVERDUE else ""
    tag = fmt.row_tag(row.solution_numbers, row.unit_names)
    title = marked(fmt.shorten(row.task.title, 160), row.task.pk, marks or {})
    return (f"{row.task.code} {title} – {tag}; "
            f"chỉ đạo: {row.leader_names or 'chưa rõ'} ({due}{late}).")


def report_context(plan: Plan, span: Span, today: date) -> dict:
    rows = figures.load_rows(plan, span.as_of)
    prefetch_related_objects([row.assignment for row in rows], "solutions")
    late_rows = figures.overdue(rows)
    tally = rates.tally(plan, span.period, span.months, today)
    marks = markers(plan)
    obstacles, proposals = obstacles_and_proposals(span)
    period = span.period
    return {**_heading(plan, today), **_opening(plan, span), "summary": summary(tally), "tally": tally,
            "parts": results_by_group(rows, span, marks) or [_nothing("Chưa có báo cáo được duyệt.")],
            "indicators": indicator_lines(plan, span.as_of),
            "overdue_summary": f"Còn {fmt.number(tally.overdue)} nhiệm vụ chưa hoàn thành, quá hạn.",
            "obstacles": obstacles or ["Các đơn vị không báo cáo khó khăn, vướng mắc."],
            "proposals": proposals or ["Không có đề xuất, kiến nghị."],
            "next_words": next_words(period),
            "next_window": f"từ {fmt.short_date(span.next_start)} đến {fmt.short_date(span.next_end)}",
            "due_next": [row_line(r, span.as_of, marks)
                         for r in figures.due_between(rows, span.next_start, span.next_end)]
            or ["Không có nhiệm vụ đến hạn."],
            "overdue": [row_line(r, span.as_of, marks) for r in late_rows] or ["Không có nhiệm vụ quá hạn."],
            "period_label": span_words(period), "marks": marks}


def _heading(plan: Plan, today: date) -> dict:
    """The letterhead and signature: the commune's own level word ("xã", "phường"), never one typed in the template."""
    commune = plan.commune
    return {"commune_upper": f"{d30.level_word(commune)} {commune.name}".upper(), "level": d30.level_word(commune),
            "committee": d30.committee_short(commune), "place": commune.name, "date_text": fmt.long_date(today),
            "number": NUMBER, "signer_name": plan.signer_name}


def _opening(plan: Plan, span: Span) -> dict:
    period = span.period
    return {"subject": subject(period), "plan_citation": d30.plan_citation(plan),
            "data_from": fmt.long_date(period.start), "data_to": fmt.long_date(period.end),
            "cutoff": fmt.long_date(span.as_of), "as_of": fmt.short_date(span.as_of), "as_of_date": span.as_of}


def _nothing(text: str) -> dict:
    return {"title": text, "groups": []}
