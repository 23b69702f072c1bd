"""Everything the DOCX template and the XLSX annex print, as one dictionary: the figures and the stored sections."""
from datetime import date

from dashboard.queries import report as services_report
from theodoi import decree30 as d30
from theodoi import formatting as fmt

from .. import rules
from ..models import PeriodicReport
from . import drafts
from .figures import Figures, draft, due_months, evaluation_counts

NOTHING = {"reds": "Không có chỉ tiêu nào có nguy cơ không đạt.",
           "record": "Chưa có kỳ báo cáo tháng nào đến hạn nộp trong kỳ này."}


def build(report: PeriodicReport, plan, today: date) -> dict:
    figures = draft(report, plan, today)
    written = {n.key: n for n in report.narratives.select_related("updated_by")}  # each section names its editor
    period = figures.period
    span_words = services_report.span_words(period)
    next_words = rules.next_span_words(period)
    drafted = {key: (title, text) for key, title, text in drafts.sections(figures)}
    return {**heading(plan, today), **_opening(plan, figures),
            "period_label": span_words, "span_upper": span_words.upper(), "next_upper": next_words.upper(),
            "subject": f"{services_report.subject(period)} và phương hướng, nhiệm vụ {next_words}",
            "summary": services_report.summary(figures.tally),
            "parts": _parts(figures, written, drafted), "indicators": figures.indicators,
            "reds": figures.reds, "reds_none": NOTHING["reds"],
            "unfinished": figures.unfinished,
            "unfinished_count": f"Tại ngày chốt số liệu còn {fmt.number(len(figures.unfinished))} nhiệm vụ chưa "
                                f"hoàn thành (trong đó {fmt.number(figures.tally.overdue)} nhiệm vụ quá hạn).",
            "record": figures.record, "record_note": _record_note(figures, today),
            "is_year_end": rules.is_year_end(report.kind), "evaluation": figures.evaluation,
            "evaluation_counts": evaluation_counts(figures.evaluation),
            "general_roman": "VI" if rules.is_year_end(report.kind) else "V",
            "closing": _closing(written, drafted)}


def heading(plan, today: date) -> dict:
    """The letterhead and signature: the commune's own level word, never one typed in the template."""
    commune = plan.commune
    return {"commune_upper": f"{d30.level_word(commune)} {commune.name}".upper(), "level": d30.level_word(commune),
            "committee": d30.committee_short(commune), "place": commune.name, "date_text": fmt.long_date(today),
            "number": services_report.NUMBER, "signer_name": plan.signer_name}


def _opening(plan, figures: Figures) -> dict:
    period, span = figures.period, figures.span
    return {"plan_citation": d30.plan_citation(plan), "data_from": fmt.long_date(period.start),
            "data_to": fmt.long_date(period.end), "cutoff": fmt.long_date(span.as_of)}


def _section(narrative, key: str, title: str, fallback: str) -> dict:
    """A stored section as written; a section the report has no record of (a part added by a later plan
    version) shows its drafted text until someone saves it."""
    text = narrative.text if narrative is not None else fallback
    return {"key": key, "title": narrative.title if narrative is not None else title, "text": text,
            "paragraphs": rules.paragraphs(text), "narrative": narrative}


def _parts(figures: Figures, written: dict, drafted: dict) -> list[dict]:
    """Each part: its section, then the results of its groups from the accepted reports."""
    parts = []
    for part in figures.parts():
        key = rules.part_key(part.code)
        section = _section(written.get(key), key, *drafted[key])
        section["groups"] = figures.results_of(part)
        parts.append(section)
    return parts


def _closing(written: dict, drafted: dict) -> dict:
    return {key: _section(written.get(key), key, *drafted[key]) for key, _ in rules.CLOSING_SECTIONS}


def _record_note(figures: Figures, today: date) -> str:
    due = due_months(figures.span.months, today)
    if not due:
        return NOTHING["record"]
    names = ", ".join(str(m) for m in due)
    return f"Các kỳ báo cáo tháng đã đến hạn nộp trong kỳ: {names} (mỗi đơn vị chủ trì một báo cáo mỗi tháng)."
