"""An edit to the directory re-resolves the plan's printed names."""
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Alias, DirectoryEntry

# Seeding and importing create entries that the same transaction already resolved against.
_muted: ContextVar[bool] = ContextVar("directory_signals_muted", default=False)


@contextmanager
def muted():
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


@receiver([post_save, post_delete], sender=Alias)
@receiver([post_save, post_delete], sender=DirectoryEntry)
def _directory_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or _muted.get():
        return  # a fixture, a backup being restored, or an import: the references come with it
    if isinstance(instance, Alias):
        commune_id = DirectoryEntry.objects.filter(pk=instance.entry_id).values_list("commune_id", flat=True).first()
    else:
        commune_id = instance.commune_id
    if commune_id is not None:
        transaction.on_commit(lambda: _reresolve(commune_id))


def _reresolve(commune_id: int) -> None:
    from .models import Commune
    from .services import reresolve_refs

    commune = Commune.objects.filter(pk=commune_id).first()
    if commune:
        reresolve_refs(commune)
