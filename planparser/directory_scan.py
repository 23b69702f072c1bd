"""Matching a cell's canonical tokens against the known names of one column: the alias index and the scanner.

At each place the longest known alias or filler phrase wins; what is left over is tried as a continuation of the
previous name ("Công chức Đô thị, Kế toán"), as a truncated name, and as a typo, and only then becomes a new entry
awaiting review. Nothing printed is silently dropped except filler.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process

from .directory_tokens import Reading, Tok, canonical_tokens, starts_with

if TYPE_CHECKING:
    from .directory_entries import Entry

_MIN_TRUNCATED_CHARS = 4
_FUZZY_MIN = 90
_FUZZY_MARGIN = 5
_FUZZY_MIN_CHARS = 8
# A misspelt word keeps most of its letters ("chnh" of "chinh" scores 89); another word shares few ("wf", "va": 0).
_WORD_MIN = 60

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
          "to", "quy", "uy ban", "cong an", "lanh dao", "phong", "so", "trung tam", "chi cuc", "cuc", "van phong",
          "thanh tra", "ubnd", "ban quan ly", "kho bac", "ngan hang", "hoi dong")


# First words that open the name of a body or a leader: after "và", they start a new name; any other word after
# "và" goes on with the name before it ("Phòng Kinh tế và Hạ tầng", "Ban Quản lý dự án và Phát triển quỹ đất").
_NAME_OPENERS = frozenset({
    ("phong",), ("so",), ("ban",), ("trung", "tam"), ("ubnd",), ("uy", "ban"), ("cong", "an"), ("cong", "chuc"),
    ("cong", "ty"), ("cong", "doan"), ("hoi",), ("doan",), ("truong",), ("tram",), ("chi", "cuc"), ("cuc",),
    ("kho", "bac"), ("ngan", "hang"), ("van", "phong"), ("thanh", "tra"), ("bo",), ("cac",), ("doi",), ("hat",),
    ("dien", "luc"), ("vien", "thong"), ("buu", "dien"), ("lien", "doan"), ("quy",), ("to",), ("htx",),
    ("hop", "tac", "xa"), ("mat", "tran"), ("mttq",), ("ubmttq",), ("dang", "uy"), ("hdnd",), ("benh", "vien"),
    ("chu", "tich"), ("pho", "chu", "tich"), ("lanh", "dao"), ("giam", "doc"), ("bi", "thu"), ("nha", "truong"),
    ("doanh", "nghiep"), ("thon",), ("xom",), ("khoi",), ("chi", "nhanh"), ("huyen", "doan"), ("tinh", "doan"),
    ("thanh", "doan"), ("huyen", "uy"), ("tinh", "uy"), ("thanh", "uy"), ("thuong", "truc"),
})
_OPENER_LENGTHS = sorted({len(words) for words in _NAME_OPENERS}, reverse=True)


class _Match(NamedTuple):
    start: int  # token indexes, end exclusive
    end: int
    entry: Entry | None
    alias: tuple[str, ...] = ()
    filler: bool = False


def _owner(first: Entry | None, second: Entry) -> Entry | None:
    """Who keeps an alias two entries share: a unit over a group ("HTX Nông nghiệp"), else nobody (None)."""
    if first is None or first.key == second.key:
        return first
    if (first.category == "group") != (second.category == "group"):
        return second if first.category == "group" else first
    return None


def _word_count(text: str) -> int:
    return sum(1 for word in text.split(" ") if word.isalnum())


class Index:
    """Aliases and fillers of the entries one column may name, in canonical token form."""

    def __init__(self, entries: list[Entry], reading: Reading):
        self.reading = reading  # without first_words: names are read before the index knows them
        found: dict[tuple[str, ...], Entry | None] = {}
        for entry in entries:
            for alias in self._variants(entry):
                found[alias] = _owner(found[alias], entry) if alias in found else entry
        self.exact = {alias: entry for alias, entry in found.items() if entry is not None}
        self.fillers = {tuple(t.text for t in canonical_tokens(f, reading)) for f in _FILLERS} - {()}
        self.by_first: dict[str, list[tuple[tuple[str, ...], Entry | None]]] = {}
        for alias, owner in [*self.exact.items(), *((f, None) for f in self.fillers)]:
            self.by_first.setdefault(alias[0], []).append((alias, owner))
        for options in self.by_first.values():
            options.sort(key=lambda option: (-len(option[0]), option[1] is None))  # longest; alias before filler
        self.first_words = frozenset(self.by_first)
        self.strings = sorted((" ".join(alias), entry) for alias, entry in self.exact.items())
        self.word_counts = [_word_count(alias) for alias, _ in self.strings]
        self.filler_strings = sorted(" ".join(f) for f in self.fillers)
        self.longest_filler = max((len(f) for f in self.fillers), default=0)

    def _variants(self, entry: Entry) -> set[tuple[str, ...]]:
        variants = set()
        for alias in (entry.name, *entry.aliases):
            words = tuple(t.text for t in canonical_tokens(alias, self.reading))
            if words:
                variants.add(words)
        return variants

    def at(self, tokens: list[Tok], i: int) -> _Match | None:
        for alias, entry in self.by_first.get(tokens[i].text, ()):
            if starts_with(tokens, i, alias):
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
        # Only names of as many words: a typo changes letters, while an extra word makes another name. A comma
        # inside a name ("Phòng Tài chính, Kế hoạch") is no word.
        count = _word_count(text)
        choices = {idx: alias for idx, (alias, _) in enumerate(self.strings) if self.word_counts[idx] == count}
        best: dict[str, tuple[float, int]] = {}
        for _, score, idx in process.extract(text, choices, scorer=fuzz.token_sort_ratio,
                                             score_cutoff=_FUZZY_MIN - _FUZZY_MARGIN, limit=None):
            key = self.strings[idx][1].key
            best[key] = max(best.get(key, (0, idx)), (score, idx))
        ranked = sorted(best.values(), reverse=True)
        if not ranked or ranked[0][0] < _FUZZY_MIN or (len(ranked) > 1 and ranked[1][0] > ranked[0][0] - _FUZZY_MARGIN):
            return None
        alias, entry = self.strings[ranked[0][1]]
        if not _words_align(words, alias.split(" ")):
            return None
        return entry, tuple(alias.split(" "))

    def is_filler_prefix(self, words: tuple[str, ...]) -> bool:
        text = " ".join(words)
        lo = bisect.bisect_left(self.filler_strings, text)
        return lo < len(self.filler_strings) and self.filler_strings[lo].startswith(text)


def _words_align(words, alias_words) -> bool:
    """A typo misspells words; it does not swap one for another. Every word the cell has and the name lacks must be
    a near spelling of a word the name has and the cell lacks ("chnh" of "chinh"), so "… ke hoach wf" is no typo
    of "… va ke hoach" although the whole strings score alike."""
    extra = [w for w in words if w not in alias_words]
    missing = [w for w in alias_words if w not in words]
    return all(any(fuzz.ratio(word, other) >= _WORD_MIN for other in missing) for word in extra)


class Scanner:
    """One left-to-right pass over a cell's canonical tokens."""

    def __init__(self, index: Index, tokens: list[Tok]):
        self.index, self.tokens = index, tokens
        self.last: _Match | None = None  # the last resolved name, whose prefix a bare word may inherit

    def scan(self) -> list[_Match]:
        matches: list[_Match] = []
        i = 0
        while i < len(self.tokens):
            if self.tokens[i].sep:
                i += 1
                continue
            match = self.index.at(self.tokens, i)
            if self._cut_off_filler(i, match):
                break
            if match is None or (not match.filler and self._unknown_at(match.end)):
                match = self._run(i)  # a known name glued to unknown words is not that name ("Công an TP")
            if self._continues_name(matches, match):
                match = _Match(matches[-1].start, match.end, None,
                               (*matches.pop().alias, *(t.text for t in self.tokens[i - 1:match.end])))
            if match.entry is not None:
                self.last = match
            matches.append(match)
            i = match.end
        return matches

    def _continues_name(self, matches: list[_Match], match: _Match) -> bool:
        """An unknown piece after "và" or a comma that opens no name goes on with the name before it.

        After "và" and a known name it must be capitalised, as the words of an official name are ("Phòng Kinh tế
        và Hạ tầng" when the directory knows only "Phòng Kinh tế"), so "MTTQ và nhân dân" stays two. After a comma
        only an unknown name goes on ("Sở Văn hóa, Thể thao và Du lịch" when the directory does not know it): a
        known one is followed by a list ("Công chức Đô thị, Kế toán").
        """
        i = match.start
        if match.entry is not None or match.filler or not matches or i < 1:
            return False
        previous, joint = matches[-1], self.tokens[i - 1].text
        if joint not in ("va", ",") or previous.filler or previous.end != i - 1 or self._opens_name(i):
            return False
        if joint == ",":
            return previous.entry is None and self.tokens[i].cap
        return previous.entry is None or self.tokens[i].cap

    def _opens_name(self, i: int) -> bool:
        words = tuple(t.text for t in self.tokens[i:i + _OPENER_LENGTHS[0]])
        return any(words[:n] in _NAME_OPENERS for n in _OPENER_LENGTHS) or self.index.at(self.tokens, i) is not None

    def _cut_off_filler(self, i: int, match: _Match | None) -> bool:
        """A cell cut off inside a filler ("… theo chức năng, nhiệm") ends in filler, not in a new unit."""
        if match is not None and match.end == len(self.tokens):
            return False
        # More words than any filler has cannot be a filler's start; checking them all made a long cell quadratic.
        if len(self.tokens) - i > self.index.longest_filler:
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
