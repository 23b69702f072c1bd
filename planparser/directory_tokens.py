"""Cell text -> canonical word tokens for the directory resolver.

A cell is tokenised, folded and rewritten into a canonical word list: abbreviations become words ("PCT" ->
"phó chủ tịch", "NN&PTNT" -> "nông nghiệp và phát triển nông thôn"), and the words that only say whose body a
name is ("UBND xã", "huyện Nam Đàn") are kept in the span of the word before them instead of being matched.
Which locality words those are depends on the level of the plan: "huyện" qualifies a name in a district's plan,
while in a commune's plan "Công an huyện" is another body.
"""
from __future__ import annotations

import re
from typing import NamedTuple, TypedDict

from .textutil import fold

# Abbreviations and wordings rewritten before matching, so aliases need not list every spelling. "&" and "-" are
# dropped by the tokeniser, so "NN&PTNT", "NN-PTNT" and "NN và PTNT" differ only by the "và".
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
    (("uy", "ban", "nhan", "dan"), ("ubnd",)),  # at the start of a name: "Ủy ban nhân dân các huyện"
)


def _expand(abbreviations: tuple[str, ...], words: str) -> tuple:
    """Each printed form of one abbreviation, with and without the "và" between its halves."""
    rules = []
    for form in abbreviations:
        parts = tuple(form.split())
        rules.append((parts, tuple(words.split())))
        if len(parts) == 2:
            rules.append(((parts[0], "va", parts[1]), tuple(words.split())))
    return tuple(rules)


# The abbreviations of the bodies' names, as officials type them.
_NAME_REWRITES = (
    *_expand(("nn ptnt", "nnptnt"), "nong nghiep va phat trien nong thon"),
    *_expand(("nn mt", "nnmt"), "nong nghiep va moi truong"),
    *_expand(("ptnt",), "phat trien nong thon"),
    *_expand(("tn mt", "tnmt"), "tai nguyen va moi truong"),
    *_expand(("gd dt", "gddt"), "giao duc va dao tao"),
    *_expand(("kh dt", "khdt"), "ke hoach va dau tu"),
    *_expand(("kh cn", "khcn"), "khoa hoc va cong nghe"),
    *_expand(("tc kh", "tckh"), "tai chinh ke hoach"),
    *_expand(("ld tb xh", "ld tbxh", "ldtb xh", "ldtbxh"), "lao dong thuong binh va xa hoi"),
    (("ld", "tb", "va", "xh"), ("lao", "dong", "thuong", "binh", "va", "xa", "hoi")),
    *_expand(("tb xh", "tbxh"), "thuong binh va xa hoi"),
    *_expand(("kt ht", "ktht"), "kinh te ha tang"),
    *_expand(("gt vt", "gtvt"), "giao thong van tai"),
    *_expand(("tt tt", "tttt"), "thong tin va truyen thong"),
    *_expand(("tt dl",), "the thao va du lich"),
    *_expand(("dt tg", "dttg"), "dan toc va ton giao"),
    *_expand(("tt yt", "ttyt"), "trung tam y te"),
    *_expand(("bch qs", "bch quan su", "bchqs"), "ban chi huy quan su"),
    *_expand(("chqs",), "chi huy quan su"),
    *_expand(("qldt",), "quan ly do thi"),
    *_expand(("qlda",), "quan ly du an"),
    *_expand(("bql",), "ban quan ly"),
    *_expand(("ql",), "quan ly"),
    *_expand(("dtxd",), "dau tu xay dung"),
    *_expand(("ptqd",), "phat trien quy dat"),
    *_expand(("dvnn",), "dich vu nong nghiep"),
    *_expand(("kkt",), "khu kinh te"),
    *_expand(("kcn",), "khu cong nghiep"),
    *_expand(("pvhcc",), "phuc vu hanh chinh cong"),
    *_expand(("hcc",), "hanh chinh cong"),
)
# "CT" is the chairman only among leaders: in a unit cell it is "chương trình" ("trong CT hành động").
_LEADER_REWRITES = ((("ct",), ("chu", "tich")),)
_COMMITTEE = (("ubnd",), ("uy", "ban", "nhan", "dan"))


class _LocalityWords(TypedDict):
    one: set[str]
    two: set[tuple[str, str]]


# The words that say which locality a name belongs to, by the level of the plan being read. In a commune's plan a
# leader cell's "TP" or "thành phố" after the chairman is a copy-paste slip of plans written in a city's communes.
_LOCALITY_WORDS: dict[str, _LocalityWords] = {  # above the commune; the commune's own words are read in _locality_len
    "district": {"one": {"huyện", "huyen", "quận", "tp"}, "two": {("thi", "xa"), ("thanh", "pho")}},
    "province": {"one": {"tỉnh", "tp"}, "two": {("thanh", "pho")}},
}
_RAW = re.compile(r"(?P<word>[^\W_]+)|(?P<sep>[,;/+])|(?P<close>\))|\S")


class Tok(NamedTuple):
    text: str  # folded
    start: int  # span in the squashed cell text
    end: int
    sep: bool = False
    cap: bool = False
    orig: str = ""  # lower-cased, accents kept: tells "xã" from "xa"


def raw_tokens(text: str) -> list[Tok]:
    tokens: list[Tok] = []
    for m in _RAW.finditer(text):
        if m.lastgroup == "word":
            word, folded = m.group(), fold(m.group())
            if folded:
                tokens.append(Tok(folded, m.start(), m.end(), folded == "va", word[0].isupper(), word.lower()))
        elif m.lastgroup == "sep":
            tokens.append(Tok(m.group(), m.start(), m.end(), True))
        elif m.lastgroup == "close" and tokens and not tokens[-1].sep:
            tokens[-1] = tokens[-1]._replace(end=m.end())  # keep "(Kinh tế)" whole in the printed piece
    return tokens


def starts_with(tokens: list[Tok], i: int, words: tuple[str, ...]) -> bool:
    return len(words) > 0 and i + len(words) <= len(tokens) and all(
        tokens[i + k].text == w for k, w in enumerate(words))


def _locality_len(raw: list[Tok], k: int, reading: Reading) -> int:
    """Length of a locality word of this level at k ("xã", "thị trấn"; "huyện"; "tỉnh", "thành phố"), else 0."""
    if k >= len(raw) or raw[k].sep:
        return 0
    if reading.level == "commune":
        if raw[k].orig in ("xã", "xa") and not starts_with(raw, k + 1, ("hoi",)):  # "Xã hội" is not a place
            return 1
        if raw[k].orig in ("phường", "phuong") or (reading.leader and raw[k].text == "tp"):
            return 1
        pairs = ({("thi", "tran"), ("dac", "khu"), ("thanh", "pho")} if reading.leader
                 else {("thi", "tran"), ("dac", "khu")})
        return 2 if any(starts_with(raw, k, pair) for pair in pairs) else 0
    words = _LOCALITY_WORDS[reading.level]
    if raw[k].orig in words["one"]:
        return 1
    return 2 if any(starts_with(raw, k, pair) for pair in words["two"]) else 0


def _place_len(raw: list[Tok], k: int, first_words: frozenset[str] | None) -> int:
    """A capitalised place name after "xã" ("Công an xã Hưng Đông") belongs to the name before it."""
    if not first_words:
        return 0
    count = 0
    while (k + count < len(raw) and count < 4 and raw[k + count].cap and not raw[k + count].sep
           and raw[k + count].text not in first_words):
        count += 1
    # "Phó Chủ tịch UBND phường (Kinh tế)": a capital followed by an ordinary word is a portfolio, not a place.
    after = k + count
    ends_cleanly = after == len(raw) or raw[after].sep or raw[after].text in first_words
    return count if ends_cleanly else 0


def _attached_len(raw: list[Tok], i: int, reading: Reading) -> int:
    """Tokens at i that only qualify the previous word ("UBND xã", "xã Hưng Đông"): kept in its span, not matched."""
    if starts_with(raw, i, reading.place):  # "Trường THCS Hưng Đông" when the commune is Hưng Đông
        return len(reading.place)
    committee = next((len(c) for c in _COMMITTEE if starts_with(raw, i, c)), 0)
    locality = _locality_len(raw, i + committee, reading)
    if not committee and not locality:
        return 0
    place = _place_len(raw, i + committee + locality, reading.first_words) if locality else 0
    return committee + locality + place


def _index_rewrites(rewrites) -> dict[str, list]:
    """Rewrites by their first word, in their original order: a cell is scanned once per word, not per rule."""
    index: dict[str, list] = {}
    for pattern, replacement in rewrites:
        index.setdefault(pattern[0], []).append((pattern, replacement))
    return index


_REWRITE_INDEX = {True: _index_rewrites((*_LEADER_REWRITES, *_REWRITES, *_NAME_REWRITES)),
                  False: _index_rewrites((*_REWRITES, *_NAME_REWRITES))}


class Reading(NamedTuple):
    """How to read a cell: its column, the level of the plan, and what tells a place name from a body's name."""
    leader: bool
    level: str = "commune"
    first_words: frozenset[str] = frozenset()  # first words of the known names; a place name is none of them
    place: tuple[str, ...] = ()  # the locality's own name, folded ("hung", "dong")


def canonical_tokens(text: str, reading: Reading) -> list[Tok]:
    """The cell as folded words ready to match."""
    raw = raw_tokens(text)
    rewrites = _REWRITE_INDEX[reading.leader]
    out: list[Tok] = []
    i = 0
    while i < len(raw):
        attached = _attached_len(raw, i, reading) if out and not out[-1].sep else 0
        if attached:
            out[-1] = out[-1]._replace(end=raw[i + attached - 1].end)
            i += attached
            continue
        candidates = rewrites.get(raw[i].text, ())
        pattern, replacement = next(((p, r) for p, r in candidates if starts_with(raw, i, p)), ((), ()))
        if pattern:
            start, end = raw[i].start, raw[i + len(pattern) - 1].end
            out.extend(Tok(word, start, end, cap=raw[i].cap, orig=word) for word in replacement)
            i += len(pattern)
            continue
        out.append(raw[i])
        i += 1
    return out


