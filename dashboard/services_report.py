"""The consolidated report for a month or a derived period (quarter, 6 and 9 months, year): its content.

One builder for every kind: the span's months are the commune's monthly periods inside it, the statuses are
judged at the span's end (or today while it runs), and the next period is what section V looks ahead to.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from indicators.display import describe_target, met_text, value_text
from plans.models import Plan
from reports import status as st
from reports.models import ReportingPeriod, ReportState, RowReport, RowRole
from reports.services.periods import deadline_for
from theodoi.periods import KINDS, MONTH, Period
from theodoi.templatetags.vi import vi_date, vi_short_date

from . import services, services_board

SUBJECT_SPAN = {"month": "tháng {n} năm {y}", "quarter": "quý {roman} năm {y}", "half": "6 tháng đầu năm {y}",
                "nine_months": "9 tháng năm {y}", "year": "năm {y}"}
NEXT_WORDS = {"month": "THÁNG TỚI", "quarter": "QUÝ TỚI", "half": "6 THÁNG CUỐI NĂM", "nine_months": "QUÝ IV",
              "year": "NĂM TỚI"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


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
    # Judged at the reporting deadline: completions the office accepts between the 15th and the report day
    # belong to the month being reported, as the consolidated report describes them.
    deadline = deadline_for(anchor.commune, period.year, period.last_month)
    return Span(period, months, min(today, deadline), next_start, _next_end(period))


def _next_end(period: Period) -> date:
    if period.kind == MONTH:
        return Period(MONTH, period.year + (period.number == 12), period.number % 12 + 1).end
    if period.kind == "quarter":
        return Period("quarter", period.year + (period.number == 4), period.number % 4 + 1).end
    if period.kind == "year":
        return Period("year", period.year + 1).end
    return Period("year", period.year).end


def span_words(period: Period) -> str:
    return SUBJECT_SPAN[period.kind].format(n=period.number, y=period.year, roman=ROMAN.get(period.number, ""))


def subject(period: Period) -> str:
    return f"Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội {span_words(period)}"


def _month_rows(span: Span, roles=(RowRole.LEAD,)):
    return (RowReport.objects.filter(report__period__in=span.months, role__in=roles)
            .select_related("report__unit", "report__period")
            .order_by("report__period__month", "assignment__node__order", "assignment__order"))


def results_by_group(rows: list[services.Row], span: Span) -> list[dict]:
    """Section I: what accepted reports say was done (coordinating units' part too), under each part and group."""
    texts: dict[int, list[str]] = {}
    accepted = _month_rows(span, (RowRole.LEAD, RowRole.COORDINATING)).filter(report__state=ReportState.ACCEPTED)
    for item in accepted.exclude(results="").order_by("report__period__month", "role", "pk"):
        who = item.report.unit.name if item.role == RowRole.LEAD else f"phối hợp: {item.report.unit.name}"
        texts.setdefault(item.assignment_id, []).append(f"{item.results.strip()} ({who})")
    parts: dict[int, dict] = {}
    for row in rows:
        if row.pk not in texts or row.part is None:
            continue
        part = parts.setdefault(row.part.pk, {"title": _part_title(row.part), "groups": {}})
        group_node = row.group or row.task
        group = part["groups"].setdefault(group_node.pk, {"title": _short(group_node), "lines": []})
        group["lines"] += [f"{row.task.code} – {row.status.label.lower()}: {t}" for t in texts[row.pk]]
    return [{"title": p["title"], "groups": list(p["groups"].values())} for p in parts.values()]


def _part_title(node) -> str:
    return f"Phần {node.number or node.code}. {_short(node, 160)}"


def _short(node, limit: int = 200) -> str:
    title = node.title.rstrip(":").strip()
    text = title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + " …"
    return f"{node.number}. {text}" if node.level == "group" and node.number else text


def summary(rows: list[services.Row]) -> str:
    tally = services.counts(rows)
    parts = [f"{st.LABELS[c].lower()} {tally.get(c, 0)}" for c in st.ORDER]
    return f"Tổng số {len(rows)} dòng nhiệm vụ được phân công; trong đó: " + "; ".join(parts) + "."


def indicator_lines(plan: Plan, as_of: date) -> list[dict]:
    """Section II in document order: target, latest value up to the span's end, attainment."""
    standings = sorted(services_board.standings_at(plan, as_of), key=lambda s: s.indicator.order)
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


def row_line(row: services.Row) -> str:
    due = f"hạn {vi_short_date(row.assignment.due)}" if row.assignment.due else row.assignment.deadline_text
    late = f", quá hạn {row.status.days_overdue} ngày" if row.status.code == st.OPEN_OVERDUE else ""
    return (f"{row.task.code} {row.task.title[:160].rstrip()} – chủ trì: {row.unit_names or 'chưa rõ'}; "
            f"chỉ đạo: {row.leader_names or 'chưa rõ'} ({due}{late}).")


def report_context(plan: Plan, span: Span, today: date) -> dict:
    rows = services.load_rows(plan, span.as_of)
    late_rows = services.overdue(rows)
    obstacles, proposals = obstacles_and_proposals(span)
    period = span.period
    return {
        "commune_upper": str(plan.commune).upper(), "place": plan.commune.name, "date_text": vi_date(today),
        "subject": subject(period), "plan_number": plan.number.strip() or "…/KH-UBND",
        "plan_date": vi_date(plan.issued_on) if plan.issued_on else "",
        "data_from": vi_date(period.start), "data_to": vi_date(period.end), "as_of": vi_short_date(span.as_of),
        "summary": summary(rows), "parts": results_by_group(rows, span) or [_nothing("Chưa có báo cáo được duyệt.")],
        "indicators": indicator_lines(plan, span.as_of),
        "overdue_summary": f"Còn {len(late_rows)} dòng nhiệm vụ chưa hoàn thành và đã quá hạn.",
        "obstacles": obstacles or ["Các đơn vị không báo cáo khó khăn, vướng mắc."],
        "proposals": proposals or ["Không có đề xuất, kiến nghị."],
        "next_words": NEXT_WORDS[period.kind],
        "next_window": f"từ {vi_short_date(span.next_start)} đến {vi_short_date(span.next_end)}",
        "due_next": [row_line(r) for r in services.due_between(rows, span.next_start, span.next_end)]
        or ["Không có nhiệm vụ đến hạn."],
        "overdue": [row_line(r) for r in late_rows] or ["Không có nhiệm vụ quá hạn."],
        "signer_name": plan.signer_name,
        "period_label": span_words(period),
    }


def _nothing(text: str) -> dict:
    return {"title": text, "groups": []}
