"""Import a parsed plan document into the database: one transaction, versioned, idempotent."""
import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction

from audit.services import log_action
from communes.models import Commune
from communes.services.directory import build_directory, entries_by_key, entry_for_ref, seed_directory
from planparser.blocks import PlanReadError
from planparser.directory import Directory

from ..models import Anomaly, Assignment, AssignmentRef, NodeLevel, Plan, Solution, TaskNode
from ..rules import diff_plans, require_own_locality
from ..signals import plan_rows_stored
from .carry_over import carry_over
from .safe_parse import parse_untrusted, same_content
from .versions import next_version, refresh_current
from .year_links import link_to_previous_year

_REF_FIELDS = (("leaders", "leader"), ("lead_units", "lead"), ("coordinating_units", "coordinating"))


@dataclass
class ImportResult:
    plan: Plan
    created: bool
    changes: list[str] = field(default_factory=list)
    # Why nothing was created: "same_file" (these bytes are the current version) or "same_content" (another file,
    # a DOCX after a TXT, that reads the same as the current version).
    unchanged: str | None = None


def parse_for_commune(commune: Commune, data: bytes, name: str) -> dict:
    """The Plan JSON as this commune's directory reads it; raises PlanReadError. Writes nothing: a commune
    without a directory yet is read with the default one, which the import itself stores."""
    directory = build_directory(commune) if commune.entries.exists() else Directory.default(commune.kind, commune.name)
    parsed = parse_untrusted(data, name, directory)
    if not parsed.get("year"):
        raise PlanReadError(_no_year_message(parsed, name))
    return parsed


def _no_year_message(parsed: dict, name: str) -> str:
    """Say which year was printed and why it was not taken, when the reader said so."""
    said = next((a["message"] for a in parsed.get("anomalies", [])
                 if a.get("kind") == "header" and a.get("message", "").startswith("Năm kế hoạch «")), None)
    why = f": {said}" if said else " (cần tiêu đề có «năm YYYY»)"
    return f"Không xác định được năm kế hoạch trong tệp «{name}»{why}."


def same_as_current(commune: Commune, parsed: dict) -> Plan | None:
    """The current version when this reading says the same plan, so the preview can say so before confirming."""
    current = Plan.objects.filter(commune=commune, year=parsed["year"], is_current=True).first()
    return current if current and same_content(current.parsed, _jsonable(parsed)) else None


def import_plan(commune: Commune, data: bytes, name: str, user=None, *,
                own_locality_only: bool = False) -> ImportResult:
    """own_locality_only: refuse (OtherLocalityError) a document issued by another locality; the pages and the
    command ask for it, code that imports a fixture on purpose does not."""
    checksum = hashlib.sha256(data).hexdigest()
    same = Plan.objects.filter(commune=commune, checksum=checksum, is_current=True).first()
    if same:
        return ImportResult(plan=same, created=False, unchanged="same_file")
    parsed = parse_for_commune(commune, data, name)
    if own_locality_only:
        require_own_locality(commune, parsed, name)
    with transaction.atomic():
        seed_directory(commune)
        previous = (Plan.objects.select_for_update().filter(commune=commune, year=parsed["year"], is_current=True)
                    .first())
        if previous and same_content(previous.parsed, _jsonable(parsed)):
            return ImportResult(plan=previous, created=False, unchanged="same_content")
        plan = _create_plan(commune, parsed, data, name, checksum, user)
        _store_tree(plan, parsed["tasks"], known=entries_by_key(commune))
        # indicators (above plans) stores the appendix; a failure there raises here and rolls the import back.
        plan_rows_stored.send(sender=Plan, plan=plan, indicators=parsed["indicators"])
        _store_anomalies(plan, parsed)
        link_to_previous_year(plan)
        current = refresh_current(commune.pk, plan.year)  # never None: the version just stored is not withdrawn
        plan.is_current = current is not None and current.pk == plan.pk
        carried = carry_over(previous, plan) if previous else {}
        log_action("plan.imported", plan, user=user, data={
            "file": name, "checksum": checksum, "version": plan.version, "year": plan.year,
            "replaces_version": previous.version if previous else None, "tasks": len(parsed["tasks"]),
            "carried_over": carried})
    changes = diff_plans(previous.parsed, parsed) if previous else []
    return ImportResult(plan=plan, created=True, changes=changes)


def _create_plan(commune, parsed, data, name, checksum, user) -> Plan:
    signer = parsed.get("signer") or {}
    plan = Plan(
        commune=commune, year=parsed["year"], version=next_version(commune.pk, parsed["year"]), is_current=False,
        number=(parsed.get("number") or "")[:60], title=(parsed.get("title") or name)[:300],
        issued_on=date.fromisoformat(parsed["issued_on"]) if parsed.get("issued_on") else None,
        signer_name=signer.get("name", "")[:120], signer_title=signer.get("title", "")[:60],
        report_day=parsed.get("report_day"), source_name=name[:255], checksum=checksum,
        parsed=_jsonable(parsed), imported_by=user if user and user.is_authenticated else None,
    )
    plan.source_file.save(name, ContentFile(data), save=False)
    plan.save()
    if parsed.get("report_day") and commune.report_day != parsed["report_day"]:
        Commune.objects.filter(pk=commune.pk).update(report_day=parsed["report_day"])
    return plan


def _jsonable(parsed: dict) -> dict:
    from planparser.jsonout import to_jsonable

    return to_jsonable(parsed)


def _store_tree(plan: Plan, nodes: list[dict], parent: TaskNode | None = None, counter=None, *,
                known: dict) -> None:
    """`known`: the commune's directory by key, loaded once for the whole tree (communes.services.entries_by_key)."""
    counter = counter if counter is not None else [0]
    for node in nodes:
        counter[0] += 1
        row = TaskNode.objects.create(
            plan=plan, parent=parent, level=_level(node), number=node["number"] or "", code=node["code"],
            title=node["title"], order=counter[0], source_line=node.get("line"),
        )
        for index, assignment in enumerate(node["rows"], start=1):
            _store_assignment(plan.commune, row, index, assignment, known)
        _store_tree(plan, node["children"], row, counter, known=known)


def _level(node: dict) -> str:
    if node["rows"] or not node["children"]:
        return NodeLevel.TASK
    if all(child["rows"] or not child["children"] for child in node["children"]):
        return NodeLevel.GROUP
    return NodeLevel.PART


def _store_assignment(commune: Commune, node: TaskNode, order: int, row: dict, known: dict) -> None:
    deadline = row["deadline"]
    assignment = Assignment.objects.create(
        node=node, order=order, deadline_text=deadline["text"][:300], deadline_kind=deadline["kind"],
        due=_date(deadline.get("due")), start=_date(deadline.get("start")),
        milestones=deadline.get("milestones") or [], recurrence=deadline.get("recurrence") or "",
        by_solution=deadline.get("by_solution"), output=row.get("output") or "",
    )
    Solution.objects.bulk_create(
        Solution(assignment=assignment, order=i, number=s["number"] or "", text=s["text"])
        for i, s in enumerate(row["solutions"], start=1)
    )
    refs = [AssignmentRef(assignment=assignment, role=role, order=i, text=ref["text"][:300],
                          entry=entry_for_ref(commune, ref, role, known))
            for field_name, role in _REF_FIELDS for i, ref in enumerate(row[field_name], start=1)]
    AssignmentRef.objects.bulk_create(refs)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _store_anomalies(plan: Plan, parsed: dict) -> None:
    items = [(a, False) for a in parsed["anomalies"]] + [(w, True) for w in parsed.get("warnings", [])]
    Anomaly.objects.bulk_create(
        Anomaly(plan=plan, kind=a["kind"], where=a["where"][:120], message=a["message"], is_warning=warn, order=i)
        for i, (a, warn) in enumerate(items, start=1)
    )
