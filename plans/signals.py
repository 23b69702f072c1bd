"""The signals plans owns, for the apps above it, and its receivers of the apps below it.

Sent by plans (services.importer) inside the import's transaction, right after the task tree is stored:
- `plan_rows_stored(plan, indicators)`: `indicators` is the Plan JSON's list; indicators stores its rows now. Sent
  with `send`, so a receiver's failure rolls the import back.
Sent by plans (services.carry_over), in this order, when a new version replaces a plan:
- `plan_rows_carrying(old, new)`: the new version's own rows exist; an app that adds rows to a plan (arising's PS
  subtree) copies its rows now, so they are matched by task code and row order like the plan's own, and returns
  {name: count} for the audit entry;
- `plan_replaced(old, new, rows)`: `rows` maps each old row's pk to its match in the new version; an app holding
  records on rows (reports: completions, drafts) moves or copies them and returns {name: count} for the audit entry.
Received: a directory edit (communes.signals.directory_changed) re-resolves the printed names of the commune's plans.
"""
from django.dispatch import Signal

from communes.models import Commune
from communes.services.directory import build_directory

from .models import AssignmentRef

plan_rows_stored = Signal()
plan_rows_carrying = Signal()
plan_replaced = Signal()


def reresolve_refs(commune: Commune) -> int:
    """Resolve every printed name again after a directory edit; returns how many changed."""
    directory = build_directory(commune)
    by_key = {e.key: e for e in commune.entries.all()}
    changed = []
    refs = AssignmentRef.objects.filter(assignment__node__plan__commune=commune).select_related("entry")
    for ref in refs:
        resolved, _ = directory.resolve_cell(ref.text, ref.role)
        target = by_key.get(resolved[0]["key"]) if resolved else None
        if target and target != ref.entry:
            ref.entry = target
            changed.append(ref)
    AssignmentRef.objects.bulk_update(changed, ["entry"])
    return len(changed)


def on_directory_changed(sender, commune: Commune, **kwargs) -> None:
    reresolve_refs(commune)
