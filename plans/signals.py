"""plans listens to the apps below it: a directory edit (communes.signals.directory_changed) re-resolves the
printed names of the commune's plans. Connected in PlansConfig.ready()."""
from communes.models import Commune
from communes.services import build_directory

from .models import AssignmentRef


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
