"""Enter arising tasks: one from its source document, or all of a notice's at once. Every write is the office's, in
one transaction, with an audit record holding the reason."""
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from audit.services import log_action
from communes.services.directory import entry_for_ref, seed_directory
from plans.models import Plan, TaskNode

from ..models import ArisingTask, SourceDocument
from .tree import RowData, add_node


@dataclass
class SourceData:
    kind: str
    number: str
    issued_on: date | None
    issuer: str
    title: str = ""
    quoted_text: str = ""


def _source(plan: Plan, data: SourceData, user, upload=None) -> SourceDocument:
    source = SourceDocument(commune=plan.commune, kind=data.kind, number=data.number[:60], issued_on=data.issued_on,
                            issuer=data.issuer[:200], title=data.title[:400], quoted_text=data.quoted_text,
                            created_by=user)
    if upload is not None:
        source.file.save(upload[0], upload[1], save=False)
    source.save()
    return source


def _link(node: TaskNode, source: SourceDocument, where: str, user, reason: str) -> ArisingTask:
    task = ArisingTask.objects.create(node=node, source=source, where=where[:120], created_by=user)
    log_action("arising.task_added", node, user=user, data={
        "reason": reason, "source": source.label, "source_id": source.pk, "where": where, "code": node.code,
        "title": node.title[:300], "deadline": node.assignments.get().deadline_text})  # add_node stores one row
    return task


def add_one(plan: Plan, source: SourceData, row: RowData, user, reason: str, upload=None) -> ArisingTask:
    """upload: (name, django File) of the source document, or None."""
    with transaction.atomic():
        document = _source(plan, source, user, upload)
        return _link(add_node(plan, row), document, "", user, reason)


def add_from_notice(plan: Plan, notice: dict, source: SourceData, user, reason: str, upload=None) -> list[ArisingTask]:
    """Every task of a parsed notice (planparser.notice); names the directory lacks become entries for review, as a
    plan import makes them."""
    with transaction.atomic():
        seed_directory(plan.commune)
        document = _source(plan, source, user, upload)
        tasks = [_link(add_node(plan, notice_row(plan, item)), document, item["where"], user, reason)
                 for item in notice["tasks"]]
        log_action("arising.notice_imported", document, user=user, commune=plan.commune, data={
            "reason": reason, "source": document.label, "tasks": [t.node.code for t in tasks]})
        return tasks


def notice_row(plan: Plan, item: dict) -> RowData:
    row = RowData(title=item["text"], deadline=item["deadline"], output=item.get("output") or "")
    for field, column in (("leaders", "leader"), ("lead_units", "lead"), ("coordinating_units", "coordinating")):
        for ref in item[field]:
            entry = entry_for_ref(plan.commune, ref, column)
            getattr(row, field).append(entry)
            row.printed[entry.pk] = ref["text"]
    return row
