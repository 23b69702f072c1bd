"""The one way to write to the audit trail (pretix style); every app imports `log_action` from here.

It lives in the package itself, not a submodule, because it is the app's only write and its import path is used
across every app; an object's history is read in audit.queries.
"""
from django.contrib.contenttypes.models import ContentType

from theodoi import clock

from ..context import current_actor, current_commune_id
from ..models import LogEntry

# How far from an object to look for the commune it belongs to (a ref → its row → its task → its plan).
_COMMUNE_PATH = ("plan", "node", "assignment", "entry", "indicator", "target")


def log_action(action: str, obj=None, *, user=None, changes=None, data=None, commune=None) -> LogEntry:
    actor, label = (user, user.get_username()) if user is not None and user.is_authenticated else current_actor()
    commune_id = commune.pk if commune is not None else current_commune_id()
    return LogEntry.objects.create(
        actor=actor, actor_label=label[:200], action=action[:80],
        commune_id=commune_id if commune_id is not None else commune_id_of(obj),
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "", object_repr=str(obj)[:300] if obj is not None else "",
        changes=changes or {}, data=data or {},
        created_at=clock.now(),  # the demo's working day when one is set, like everything the entry records
    )


def commune_id_of(obj, depth: int = 0):
    if obj is None or depth > 4:
        return None
    if hasattr(obj, "commune_id"):
        return obj.commune_id
    for name in _COMMUNE_PATH:
        if hasattr(obj, f"{name}_id"):
            return commune_id_of(getattr(obj, name), depth + 1)
    return None
