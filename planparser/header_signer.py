"""The signer, from the signature block after the task table (paragraphs or a layout table).

Decree 30/2020/NĐ-CP, Art. 13 and Appendix I, item 8: a collective body signs "TM." (on behalf of);
a deputy signs "KT." (for) the head, with their own title under it ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH");
"Q." is an acting head, "TL."/"TUQ." a signature by delegation. The title the signer holds is the
last title line; the name comes after the signing space.
"""
import re

from .textutil import fold, squash

_STARTS = ("tm. ", "tm ", "tm.", "kt. ", "kt ", "kt.", "q. ", "q.", "quyen chu tich", "tl. ", "tl.", "tuq. ", "tuq.")
_TITLES = {
    "chu tich": "Chủ tịch", "pho chu tich": "Phó Chủ tịch", "pho chu tich thuong truc": "Phó Chủ tịch Thường trực",
    "q. chu tich": "Quyền Chủ tịch", "quyen chu tich": "Quyền Chủ tịch",
}
_ON_BEHALF = re.compile(r"^(?:tm|kt|tl|tuq)(?:\s*\.\s*|\s+)")
# An all-capitals title and an all-capitals name look alike; a title starts with a title word.
_TITLE_WORDS = ("chu tich", "pho chu tich", "quyen chu tich", "chanh van phong", "pho chanh van phong",
                "giam doc", "pho giam doc", "truong phong", "pho truong phong", "truong ban", "pho truong ban")
_NOTE = re.compile(r"^[\[(].*[\])]$|^da ky\b|^ky\b|^[-_=.…\s]+$")  # "(đã ký)", "[daky]", "(Ký, đóng dấu)", rules
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.]*$")
_SHORT = 60  # a signing-body line is short; folding every long body line would cost more than the rest
_BLOCK = 10  # lines a signature block may take, signing-space notes included
WHERE = "Chữ ký cuối văn bản"


def read_signer(lines: list[str]) -> tuple[dict | None, list[dict]]:
    """-> (signer or None, anomalies)."""
    for index in _starts(lines):
        signer, problems = _read_block(lines[index:index + _BLOCK])
        if signer:
            return signer, problems
    return None, []


def _starts(lines: list[str]) -> list[int]:
    starts = [i for i, line in enumerate(lines) if len(line) < _SHORT and _is_start(fold(line))]
    if starts:
        return starts
    # A chairman signing alone prints only "CHỦ TỊCH", found after the recipients' list.
    after = next((i for i, line in enumerate(lines) if fold(line).startswith("noi nhan")), None)
    return [i for i, line in enumerate(lines) if after is not None and i > after
            and fold(line) in _TITLES and line.isupper()][:1]


def _is_start(folded: str) -> bool:
    return len(folded) < _SHORT and folded.startswith(_STARTS) and ("chu tich" in folded or "uy ban" in folded
                                                                 or "ubnd" in folded)


def _read_block(block: list[str]) -> tuple[dict | None, list[dict]]:
    titles: list[str] = []
    for line in block:
        folded = fold(line)
        if _is_start(folded) or folded.startswith(_TITLE_WORDS):
            titles.append(squash(line))
        elif _NOTE.match(folded) or not folded:
            continue
        elif _is_name(line):
            return _signer(_name(line), titles)
        else:
            return None, []
    return None, []


def _signer(name: str, titles: list[str]) -> tuple[dict, list[dict]]:
    held = [t for t in titles if not _ON_BEHALF.match(fold(t) + " ")]
    if not held:
        return {"name": name, "title": ""}, [_problem(f"Khối chữ ký «{' / '.join(titles)}» không ghi chức danh của "
                                                      f"người ký {name}; cần người nhập chức danh.")]
    title = _TITLES.get(fold(held[-1]))
    if title:
        return {"name": name, "title": title}, []
    printed = held[-1][:1] + held[-1][1:].lower() if held[-1].isupper() else held[-1]
    return {"name": name, "title": printed}, [_problem(f"Không nhận ra chức danh người ký «{held[-1]}» của {name}; "
                                                       "đã giữ nguyên như in, cần người xác định.")]


def _problem(message: str) -> dict:
    return {"kind": "header", "where": WHERE, "message": message}


def _is_name(line: str) -> bool:
    """"Trần Anh Tấn", "NGUYỄN VĂN A": two to six words of letters, each capitalised."""
    words = squash(line).split()
    folded = fold(line)
    if not 2 <= len(words) <= 6 or folded.startswith(_TITLE_WORDS) or "uy ban" in folded or "ubnd" in folded:
        return False
    return all(_NAME_WORD.match(w) and w[:1].isupper() for w in words)


def _name(line: str) -> str:
    words = squash(line).split()
    if squash(line).isupper():
        return " ".join(w[:1] + w[1:].lower() for w in words)
    return " ".join(words)
