"""The public pages and the feed are read by anyone, so they are built once and served from Django's cache.

Every key carries a generation number; a release, a withdrawal or the Chairman's switch starts a new generation
(after the transaction commits), so nothing stale is served by the process or cache that saw the change. Public data
changes a few times a month, so throwing every public entry away at once costs nothing worth measuring.
THEODOI_PUBLIC_CACHE_SECONDS bounds how long another process with its own memory cache (LocMem, the default) can lag;
several server processes should share one cache (THEODOI_CACHE_URL, see README).
"""
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION = "public:generation"
_T = TypeVar("_T")


def _new_generation() -> str:
    # Random, not a counter from 1 nor the clock: a generation evicted and created again must not revive entries of
    # an old one, and two changes within one clock tick must still differ.
    return secrets.token_hex(8)


def _generation() -> str:
    generation = cache.get_or_set(GENERATION, _new_generation, timeout=None)
    return generation if isinstance(generation, str) else _new_generation()


def cached(key: str, build: Callable[[], _T]) -> _T:
    full_key = f"public:{_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, settings.THEODOI_PUBLIC_CACHE_SECONDS)
    return value


def invalidate_on_commit() -> None:
    """A new generation once the change is committed: a rolled-back change leaves the cache as it was."""
    transaction.on_commit(lambda: cache.set(GENERATION, _new_generation(), timeout=None))
