"""Resolve the names printed in a plan's leader and unit cells to directory entries.

Pure Python (no Django), so it can be fuzzed alone. A cell is tokenised, folded and rewritten into a canonical
word list, then scanned left to right: at each place the longest known alias or filler phrase wins; what is left
over is tried as a continuation of the previous name ("Công chức Đô thị, Kế toán"), as a truncated name, and as a
typo, and only then becomes a new entry awaiting review. Nothing printed is silently dropped except filler.
"""
from __future__ import annotations

import functools

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from rapidfuzz import fuzz, process

from .textutil import fold, shorten, squash

COLUMN_LABELS = {"leader": "Phân công chỉ đạo", "lead": "Đơn vị chủ trì", "coordinating": "Đơn vị phối hợp"}
_LEADER_KINDS = {"chairman", "vice_chairman", "leader"}
_MIN_TRUNCATED_CHARS = 4
_FUZZY_MIN = 90
_FUZZY_MARGIN = 5
_FUZZY_MIN_CHARS = 8

# Abbreviations and wordings rewritten before matching, so aliases need not list every spelling.
_REWRITES = (
    (("can", "bo", ",", "cong", "chuc"), ("cong", "chuc")),
    (("cb", ",", "cong", "chuc"), ("cong", "chuc")),
    (("can", "bo", "cong", "chuc"), ("cong", "chuc")),
    (("cb", "cong", "chuc"), ("cong", "chuc")),
    (("cb", "cc"), ("cong", "chuc")),
    (("cbcc",), ("cong", "chuc")),
    (("can", "bo"), ("cong", "chuc")),
    (("cb",), ("cong", "chuc")),
    (("cc",), ("cong", "chuc")),
    (("pct",), ("pho", "chu", "tich")),
    (("pho", "ct"), ("pho", "chu", "tich")),
    (("p", "ct"), ("pho", "chu", "tich")),
    (("vhxh",), ("van", "hoa", "xa", "hoi")),
    (("vh",), ("van", "hoa")),
    (("xh",), ("xa", "hoi")),
    (("tk",), ("thong", "ke")),
    (("phu", "trach"), ()),
    (("d", "/", "c"), ()),
    (("dong", "chi"), ()),
)
# "CT" is the chairman only among leaders: in a unit cell it is "chương trình" ("trong CT hành động").
_LEADER_REWRITES = ((("ct",), ("chu", "tich")),)
_COMMITTEE = (("ubnd",), ("uy", "ban", "nhan", "dan"))
# Printed after a name, these only say whose name it is; they never name a unit themselves.
_FILLERS = (
    "theo chức năng, nhiệm vụ được giao", "theo chức năng nhiệm vụ được giao", "theo chức năng, nhiệm vụ",
    "theo chức năng nhiệm vụ", "theo chức năng", "theo nhiệm vụ được giao", "theo nhiệm vụ", "được giao",
    "theo lĩnh vực được phân công", "theo lĩnh vực", "được phân công", "theo phân công",
    "chủ trì tham mưu", "chủ trì", "tham mưu", "phối hợp", "thực hiện", "có liên quan", "liên quan",
    "đã được giao nhiệm vụ", "được giao nhiệm vụ", "trong CT hành động", "trong chương trình hành động",
    "tham gia", "chịu trách nhiệm",
)
# Category words: a truncated name must go on for a few letters past one of these to be unambiguous.
_HEADS = ("pho chu tich", "chu tich", "cong chuc", "cac", "ban chi huy", "ban", "tram", "truong", "doi", "hoi",
          "to", "quy", "uy ban", "cong an", "lanh dao")
_RAW = re.compile(r"(?P<word>[^\W_]+)|(?P<sep>[,;/+])|(?P<close>\))|\S")


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    category: str  # "position" | "unit" | "group"
    kind: str
    aliases: tuple[str, ...] = ()
    portfolio: str = ""


class _Tok(NamedTuple):
    text: str  # folded
    start: int  # span in the squashed cell text
    end: int
    sep: bool = False
    cap: bool = False
    orig: str = ""  # lower-cased, accents kept: tells "xã" from "xa"


class _Match(NamedTuple):
    start: int  # token indexes, end exclusive
    end: int
    entry: Entry | None
    alias: tuple[str, ...] = ()
    filler: bool = False


def _raw_tokens(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    for m in _RAW.finditer(text):
        if m.lastgroup == "word":
            word, folded = m.group(), fold(m.group())
            if folded:
                tokens.append(_Tok(folded, m.start(), m.end(), folded == "va", word[0].isupper(), word.lower()))
        elif m.lastgroup == "sep":
            tokens.append(_Tok(m.group(), m.start(), m.end(), True))
        elif m.lastgroup == "close" and tokens and not tokens[-1].sep:
            tokens[-1] = tokens[-1]._replace(end=m.end())  # keep "(Kinh tế)" whole in the printed piece
    return tokens


def _starts_with(tokens: list[_Tok], i: int, words: tuple[str, ...]) -> bool:
    return len(words) > 0 and i + len(words) <= len(tokens) and all(
        tokens[i + k].text == w for k, w in enumerate(words))


def _locality_len(raw: list[_Tok], k: int, leader: bool) -> int:
    """Length of a locality word at k ("xã", "phường", "thị trấn"; a leader cell's "TP" slip), else 0."""
    if k >= len(raw) or raw[k].sep:
        return 0
    if raw[k].orig in ("xã", "xa") and not _starts_with(raw, k + 1, ("hoi",)):  # "Xã hội" is not a place
        return 1
    if raw[k].orig in ("phường", "phuong") or (leader and raw[k].text == "tp"):
        return 1
    if _starts_with(raw, k, ("thi", "tran")) or (leader and _starts_with(raw, k, ("thanh", "pho"))):
        return 2
    return 0


def _place_len(raw: list[_Tok], k: int, first_words: frozenset[str] | None) -> int:
    """A capitalised place name after "xã" ("Công an xã Hưng Đông") belongs to the name before it."""
    if first_words is None:
        return 0
    count = 0
    while (k + count < len(raw) and count < 4 and raw[k + count].cap and not raw[k + count].sep
           and raw[k + count].text not in first_words):
        count += 1
    # "Phó Chủ tịch UBND phường (Kinh tế)": a capital followed by an ordinary word is a portfolio, not a place.
    after = k + count
    ends_cleanly = after == len(raw) or raw[after].sep or raw[after].text in first_words
    return count if ends_cleanly else 0


def _attached_len(raw: list[_Tok], i: int, leader: bool, first_words: frozenset[str] | None,
                  place: tuple[str, ...]) -> int:
    """Tokens at i that only qualify the previous word ("UBND xã", "xã Hưng Đông"): kept in its span, not matched."""
    if _starts_with(raw, i, place):  # "Trường THCS Hưng Đông" when the commune is Hưng Đông
        return len(place)
    committee = next((len(c) for c in _COMMITTEE if _starts_with(raw, i, c)), 0)
    locality = _locality_len(raw, i + committee, leader)
    if not committee and not locality:
        return 0
    place = _place_len(raw, i + committee + locality, first_words) if locality else 0
    return committee + locality + place


def _index_rewrites(rewrites) -> dict[str, list]:
    """Rewrites by their first word, in their original order: a cell is scanned once per word, not per rule."""
    index: dict[str, list] = {}
    for pattern, replacement in rewrites:
        index.setdefault(pattern[0], []).append((pattern, replacement))
    return index


_REWRITE_INDEX = {True: _index_rewrites((*_LEADER_REWRITES, *_REWRITES)), False: _index_rewrites(_REWRITES)}


def canonical_tokens(text: str, leader: bool, first_words: frozenset[str] | None = None,
                     place: tuple[str, ...] = ()) -> list[_Tok]:
    """The cell as folded words ready to match; first_words (of aliases) and place enable place-name reading."""
    raw = _raw_tokens(text)
    rewrites = _REWRITE_INDEX[leader]
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        attached = _attached_len(raw, i, leader, first_words, place) if out and not out[-1].sep else 0
        if attached:
            out[-1] = out[-1]._replace(end=raw[i + attached - 1].end)
            i += attached
            continue
        candidates = rewrites.get(raw[i].text, ())
        pattern, replacement = next(((p, r) for p, r in candidates if _starts_with(raw, i, p)), ((), ()))
        if pattern:
            start, end = raw[i].start, raw[i + len(pattern) - 1].end
            out.extend(_Tok(word, start, end, cap=raw[i].cap, orig=word) for word in replacement)
            i += len(pattern)
            continue
        out.append(raw[i])
        i += 1
    return out


def _slug(text: str) -> str:
    folded = fold(text)
    return (re.sub(r"[^0-9a-z]+", "-", folded).strip("-") or re.sub(r"[\W_]+", "-", folded).strip("-")
            or "khong-ro")


def _owner(first: Entry | None, second: Entry) -> Entry | None:
    """Who keeps an alias two entries share: a unit over a group ("HTX Nông nghiệp"), else nobody (None)."""
    if first is None or first.key == second.key:
        return first
    if (first.category == "group") != (second.category == "group"):
        return second if first.category == "group" else first
    return None


class _Index:
    """Aliases and fillers of the entries one column may name, in canonical token form."""

    def __init__(self, entries: list[Entry], leader: bool, place: tuple[str, ...] = ()):
        self.leader, self.place = leader, place
        found: dict[tuple[str, ...], Entry | None] = {}
        for entry in entries:
            for alias in self._variants(entry):
                found[alias] = _owner(found[alias], entry) if alias in found else entry
        self.exact = {alias: entry for alias, entry in found.items() if entry is not None}
        self.fillers = {tuple(t.text for t in canonical_tokens(f, leader)) for f in _FILLERS} - {()}
        self.by_first: dict[str, list[tuple[tuple[str, ...], Entry | None]]] = {}
        for alias, entry in [*self.exact.items(), *((f, None) for f in self.fillers)]:
            self.by_first.setdefault(alias[0], []).append((alias, entry))
        for options in self.by_first.values():
            options.sort(key=lambda option: (-len(option[0]), option[1] is None))  # longest; alias before filler
        self.first_words = frozenset(self.by_first)
        self.strings = sorted((" ".join(alias), entry) for alias, entry in self.exact.items())
        self.filler_strings = sorted(" ".join(f) for f in self.fillers)

    def _variants(self, entry: Entry) -> set[tuple[str, ...]]:
        variants = set()
        for alias in (entry.name, *entry.aliases):
            words = tuple(t.text for t in canonical_tokens(alias, self.leader, place=self.place))
            if words:
                variants.add(words)
        return variants

    def at(self, tokens: list[_Tok], i: int) -> _Match | None:
        for alias, entry in self.by_first.get(tokens[i].text, ()):
            if _starts_with(tokens, i, alias):
                return _Match(i, i + len(alias), entry, alias, entry is None)
        return None

    def lookup(self, words: tuple[str, ...]) -> tuple[Entry, tuple[str, ...]] | None:
        if words in self.exact:
            return self.exact[words], words
        return self.truncated(words)

    def truncated(self, words: tuple[str, ...]) -> tuple[Entry, tuple[str, ...]] | None:
        text = " ".join(words)
        head = max((h for h in _HEADS if text == h or text.startswith(h + " ")), key=len, default="")
        if len(text[len(head):].replace(" ", "")) < _MIN_TRUNCATED_CHARS:
            return None
        lo = bisect.bisect_left(self.strings, (text,))
        hits = []
        for alias, entry in self.strings[lo:]:
            if not alias.startswith(text):
                break
            hits.append((alias, entry))
        if len({entry.key for _, entry in hits}) != 1:
            return None
        return hits[0][1], tuple(hits[0][0].split(" "))

    def fuzzy(self, words: tuple[str, ...]) -> tuple[Entry, tuple[str, ...]] | None:
        text = " ".join(words)
        if len(text.replace(" ", "")) < _FUZZY_MIN_CHARS:
            return None
        # Only names of as many words: a typo changes letters, while an extra word makes another name.
        choices = {idx: alias for idx, (alias, _) in enumerate(self.strings) if alias.count(" ") == text.count(" ")}
        best: dict[str, tuple[float, int]] = {}
        for _, score, idx in process.extract(text, choices, scorer=fuzz.token_sort_ratio,
                                             score_cutoff=_FUZZY_MIN - _FUZZY_MARGIN, limit=None):
            key = self.strings[idx][1].key
            best[key] = max(best.get(key, (0, idx)), (score, idx))
        ranked = sorted(best.values(), reverse=True)
        if not ranked or ranked[0][0] < _FUZZY_MIN or (len(ranked) > 1 and ranked[1][0] > ranked[0][0] - _FUZZY_MARGIN):
            return None
        alias, entry = self.strings[ranked[0][1]]
        return entry, tuple(alias.split(" "))

    def is_filler_prefix(self, words: tuple[str, ...]) -> bool:
        text = " ".join(words)
        lo = bisect.bisect_left(self.filler_strings, text)
        return lo < len(self.filler_strings) and self.filler_strings[lo].startswith(text)


class Directory:
    def __init__(self, entries: Iterable[Entry], locality_name: str = ""):
        """locality_name ("Hưng Đông"), when given, is read as part of the name it follows, like "xã"."""
        self._entries = list(entries)
        self._place = tuple(t.text for t in _raw_tokens(squash(locality_name)) if not t.sep)
        self._by_key: dict[str, Entry] = {}
        for entry in self._entries:
            if entry.key in self._by_key:
                raise ValueError(f"Mã danh bạ bị trùng: {entry.key}")
            self._by_key[entry.key] = entry
        leaders = [e for e in self._entries if e.category == "position"
                   or (e.category == "group" and e.kind in _LEADER_KINDS)]
        units = [e for e in self._entries if e.category == "unit"
                 or (e.category == "group" and e.kind not in _LEADER_KINDS)]
        self._indexes = {"leader": _Index(leaders, True, self._place), "unit": _Index(units, False, self._place)}
        self._resolved: dict[tuple[str, str], tuple[list[dict], list[str]]] = {}

    @classmethod
    def default(cls, locality_kind: str = "xã", locality_name: str = "") -> "Directory":
        # Building the alias index is the costly part of a parse; a Directory never changes once built.
        return _default_directory(cls, locality_kind, locality_name)

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
        tokens = canonical_tokens(cell, column == "leader", index.first_words, self._place)
        refs, problems, seen = [], [], set()
        for match in _Scanner(index, tokens).scan():
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
def _default_directory(cls, locality_kind: str, locality_name: str) -> "Directory":
    from .directory_data import default_entries  # the data module imports Entry from here

    return cls(default_entries(locality_kind), locality_name)


class _Scanner:
    """One left-to-right pass over a cell's canonical tokens."""

    def __init__(self, index: _Index, tokens: list[_Tok]):
        self.index, self.tokens = index, tokens
        self.last: _Match | None = None  # the last resolved name, whose prefix a bare word may inherit

    def scan(self) -> list[_Match]:
        matches, i = [], 0
        while i < len(self.tokens):
            if self.tokens[i].sep:
                i += 1
                continue
            match = self.index.at(self.tokens, i)
            if self._cut_off_filler(i, match):
                break
            if match is None or (not match.filler and self._unknown_at(match.end)):
                match = self._run(i)  # a known name glued to unknown words is not that name ("Công an TP")
            if match.entry is not None:
                self.last = match
            matches.append(match)
            i = match.end
        return matches

    def _cut_off_filler(self, i: int, match: _Match | None) -> bool:
        """A cell cut off inside a filler ("… theo chức năng, nhiệm") ends in filler, not in a new unit."""
        if match is not None and match.end == len(self.tokens):
            return False
        rest = tuple(t.text for t in self.tokens[i:])
        return sum(len(w) for w in rest if w.isalnum()) >= 3 and self.index.is_filler_prefix(rest)

    def _unknown_at(self, k: int) -> bool:
        return k < len(self.tokens) and not self.tokens[k].sep and self.index.at(self.tokens, k) is None

    def _run_end(self, i: int) -> int:
        j = i + 1
        while j < len(self.tokens) and not self.tokens[j].sep and not self._trailing_fillers(j):
            j += 1
        return j

    def _trailing_fillers(self, k: int) -> bool:
        """Fillers from k up to a separator or the end: they close a run; a filler mid-name does not."""
        while True:
            match = self.index.at(self.tokens, k)
            if match is None or not match.filler:
                return False
            k = match.end
            if k == len(self.tokens) or self.tokens[k].sep:
                return True

    def _run(self, i: int) -> _Match:
        j = self._run_end(i)
        words = tuple(t.text for t in self.tokens[i:j])
        found = self._inherited(i, words) or self.index.lookup(words) or self.index.fuzzy(words)
        return _Match(i, j, found[0], found[1]) if found else _Match(i, j, None, words)

    def _inherited(self, i: int, words: tuple[str, ...]) -> tuple[Entry, tuple[str, ...]] | None:
        """After a separator, "Đô thị" in "Phó Chủ tịch Kinh tế; Đô thị" borrows "Phó Chủ tịch"."""
        if self.last is None or i == 0 or not self.tokens[i - 1].sep:
            return None
        for cut in range(len(self.last.alias) - 1, 0, -1):
            found = self.index.lookup(self.last.alias[:cut] + words)
            if found:
                return found
        return None
