"""The one way to write to the audit trail (pretix style), and the one way to read an object's history."""
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from theodoi import clock

from .context import current_actor, current_commune_id
from .models import LogEntry
from .registry import is_tracked

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


def history_for(obj, limit: int = 100) -> list[LogEntry]:
    """The object's entries and those of the tracked rows hanging from it (a task's rows and their references)."""
    query = Q(content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=str(obj.pk))
    for model, pks in _children(obj):
        query |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks])
    return list(LogEntry.objects.filter(query).select_related("content_type")[:limit])


def _children(obj, depth: int = 0):
    if depth > 1:
        return
    for relation in obj._meta.related_objects:
        model = relation.related_model
        # Only parts of the object (CASCADE): a user's imported plans are not the user's history.
        if (not relation.one_to_many or model is type(obj) or relation.on_delete is not models.CASCADE
                or not is_tracked(model)):
            continue
        rows = list(model._base_manager.filter(**{relation.field.name: obj}))
        if rows:
            yield model, [row.pk for row in rows]
        for row in rows:
            yield from _children(row, depth + 1)
