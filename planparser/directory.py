"""Resolve the names printed in a plan's leader and unit cells to directory entries.

Pure Python (no Django), so it can be fuzzed alone. directory_tokens turns a cell into canonical words,
directory_scan finds the known names in them, and this module builds the Ref dicts of the Plan JSON. The default
entries of each level of local government come from directory_entries.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .directory_entries import Entry, default_entries, level_of
from .directory_scan import Index, Scanner
from .directory_tokens import Reading, canonical_tokens, raw_tokens
from .textutil import fold, shorten, squash

__all__ = ["COLUMN_LABELS", "Directory", "Entry"]

COLUMN_LABELS = {"leader": "Phân công chỉ đạo", "lead": "Đơn vị chủ trì", "coordinating": "Đơn vị phối hợp"}
_LEADER_KINDS = {"chairman", "vice_chairman", "leader"}


class Directory:
    def __init__(self, entries: Iterable[Entry], locality_name: str = "", locality_kind: str = "xã"):
        """locality_name ("Hưng Đông"), when given, is read as part of the name it follows, like "xã";
        locality_kind (of the contract: "xã", "huyện", "tỉnh" …) says which level words ("huyện") qualify a name."""
        self._entries = list(entries)
        self.level = level_of(locality_kind)
        place = tuple(t.text for t in raw_tokens(squash(locality_name)) if not t.sep)
        self._by_key: dict[str, Entry] = {}
        for entry in self._entries:
            if entry.key in self._by_key:
                raise ValueError(f"Mã danh bạ bị trùng: {entry.key}")
            self._by_key[entry.key] = entry
        leaders = [e for e in self._entries if e.category == "position"
                   or (e.category == "group" and e.kind in _LEADER_KINDS)]
        units = [e for e in self._entries if e.category == "unit"
                 or (e.category == "group" and e.kind not in _LEADER_KINDS)]
        self._indexes = {"leader": Index(leaders, Reading(True, self.level, place=place)),
                         "unit": Index(units, Reading(False, self.level, place=place))}
        self._resolved: dict[tuple[str, str], tuple[list[dict], list[str]]] = {}

    @classmethod
    def default(cls, locality_kind: str = "xã", locality_name: str = "") -> Directory:
        # Building the alias index is the costly part of a parse; a Directory never changes once built.
        return _default_directory(locality_kind, locality_name)

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def get(self, key: str) -> Entry | None:
        return self._by_key.get(key)

    def resolve_cell(self, text: str, column: str) -> tuple[list[dict], list[str]]:
        """Plans repeat the same cells ("Chủ tịch UBND xã") dozens of times: each is resolved once."""
        key = (text or "", column)
        if key not in self._resolved:
            self._resolved[key] = self._resolve_cell(text, column)
        refs, problems = self._resolved[key]
        return [dict(ref) for ref in refs], list(problems)

    def _resolve_cell(self, text: str, column: str) -> tuple[list[dict], list[str]]:
        if column not in COLUMN_LABELS:
            raise ValueError(f"Cột không hợp lệ: {column!r}")
        cell = squash(text or "")
        index = self._indexes["leader" if column == "leader" else "unit"]
        tokens = canonical_tokens(cell, index.reading._replace(first_words=index.first_words))
        refs, problems, seen = [], [], set()
        for match in Scanner(index, tokens).scan():
            if match.filler:
                continue
            piece = cell[tokens[match.start].start:tokens[match.end - 1].end]
            ref = self._ref(piece, match.entry)
            if ref["key"] in seen:
                continue
            seen.add(ref["key"])
            refs.append(ref)
            if ref.get("review"):
                problems.append(self._problem(piece, column))
        return refs, problems

    @staticmethod
    def _ref(piece: str, entry: Entry | None) -> dict:
        if entry is None:
            return {"text": piece, "key": f"moi:{_slug(piece)}", "review": True}
        return {"text": piece, "key": entry.key}

    @staticmethod
    def _problem(piece: str, column: str) -> str:
        created = "chức danh lãnh đạo mới" if column == "leader" else "đơn vị mới"
        return f"Không nhận ra «{shorten(piece)}» trong cột {COLUMN_LABELS[column]}; đã tạo {created} chờ rà soát."


@functools.lru_cache(maxsize=32)
def _default_directory(locality_kind: str, locality_name: str) -> Directory:
    return Directory(default_entries(locality_kind), locality_name, locality_kind)


def _slug(text: str) -> str:
    folded = fold(text)
    return (re.sub(r"[^0-9a-z]+", "-", folded).strip("-") or re.sub(r"[\W_]+", "-", folded).strip("-")
            or "khong-ro")


