"""An edit to the directory re-resolves the plan's printed names."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Alias, DirectoryEntry

# One re-resolution per commune per transaction, however many entries an import or seed creates.
_pending: set[int] = set()


@receiver([post_save, post_delete], sender=Alias)
@receiver([post_save, post_delete], sender=DirectoryEntry)
def _directory_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loading a fixture or a backup: the references come with it
    if isinstance(instance, Alias):
        commune_id = DirectoryEntry.objects.filter(pk=instance.entry_id).values_list("commune_id", flat=True).first()
    else:
        commune_id = instance.commune_id
    if commune_id is None or commune_id in _pending:
        return
    _pending.add(commune_id)
    transaction.on_commit(lambda: _reresolve(commune_id))


def _reresolve(commune_id: int) -> None:
    from .models import Commune
    from .services import reresolve_refs

    _pending.discard(commune_id)
    commune = Commune.objects.filter(pk=commune_id).first()
    if commune:
        reresolve_refs(commune)
