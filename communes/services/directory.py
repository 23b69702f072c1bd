"""The commune's directory in the database, seen by the parser as a planparser Directory."""
import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from planparser.directory import Directory, Entry

from ..models import Alias, Commune, DirectoryEntry, EntryCategory

# Seeding and importing create entries that the same transaction already resolved against (read by .signals).
_muted: ContextVar[bool] = ContextVar("directory_signals_muted", default=False)


@contextmanager
def muted():
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted() -> bool:
    return _muted.get()


def seed_directory(commune: Commune) -> None:
    """Give a new commune the default directory of its kind (xã or phường), once."""
    if commune.entries.exists():
        return
    with transaction.atomic(), muted():
        for entry in Directory.default(commune.kind, commune.name).entries():
            row = DirectoryEntry.objects.create(
                commune=commune, key=entry.key, name=entry.name, category=entry.category,
                kind=entry.kind, portfolio=entry.portfolio,
            )
            Alias.objects.bulk_create([Alias(entry=row, text=a) for a in dict.fromkeys(entry.aliases)])


def build_directory(commune: Commune) -> Directory:
    entries = commune.entries.prefetch_related("aliases")
    return Directory((
        Entry(key=e.key, name=e.name, category=e.category, kind=e.kind, portfolio=e.portfolio,
              aliases=tuple(a.text for a in e.aliases.all()) + (e.name,))
        for e in entries
    ), locality_name=commune.name)


def entries_by_key(commune: Commune) -> dict[str, DirectoryEntry]:
    """The whole directory in one query, for an import that resolves hundreds of refs (issue 15: one query per ref
    was half of an import's time)."""
    return {entry.key: entry for entry in commune.entries.all()}


def entry_for_ref(commune: Commune, ref: dict, column: str,
                  known: dict[str, DirectoryEntry] | None = None) -> DirectoryEntry:
    """The entry a parsed ref names; an unknown name becomes a new entry marked for review. `known` is the
    directory preloaded by entries_by_key: looked up instead of the database, and given each new entry."""
    key = _entry_key(ref["key"].removeprefix("moi:"))
    entry = known.get(key) if known is not None else commune.entries.filter(key=key).first()
    if entry:
        return entry
    category = EntryCategory.POSITION if column == "leader" else EntryCategory.UNIT
    with muted():
        entry = DirectoryEntry.objects.create(
            commune=commune, key=key, name=ref["text"][:200], category=category, kind="other", needs_review=True,
        )
        Alias.objects.create(entry=entry, text=ref["text"][:200])
    if known is not None:
        known[key] = entry
    return entry


def _entry_key(key: str) -> str:
    """Keys fit the column (80); two long names sharing a prefix must still get two entries."""
    if len(key) <= 80:
        return key
    return f"{key[:71]}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
