"""An edit to the directory is announced once it commits; apps holding printed names (plans) resolve them again.

communes sends `directory_changed` and knows nothing of who listens: the apps above it connect receivers.
"""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .models import Alias, Commune, DirectoryEntry
from .services.directory import is_muted

# Sent with commune=<Commune> after the transaction that edited its entries or aliases commits.
directory_changed = Signal()


@receiver([post_save, post_delete], sender=Alias)
@receiver([post_save, post_delete], sender=DirectoryEntry)
def _directory_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or is_muted():
        return  # a fixture, a backup being restored, or an import: the references come with it
    if isinstance(instance, Alias):
        commune_id = DirectoryEntry.objects.filter(pk=instance.entry_id).values_list("commune_id", flat=True).first()
    else:
        commune_id = instance.commune_id
    if commune_id is not None:
        transaction.on_commit(lambda: _announce(commune_id))


def _announce(commune_id: int) -> None:
    commune = Commune.objects.filter(pk=commune_id).first()
    if commune:
        directory_changed.send(sender=Commune, commune=commune)
