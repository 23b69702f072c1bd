"""The one way to read an object's history from the audit trail, for the history shown on pages."""
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from .models import LogEntry
from .registry import is_tracked


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
