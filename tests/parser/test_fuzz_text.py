"""Fuzz: plan texts damaged the ways files get damaged give a plan or a Vietnamese PlanReadError, nothing else.

The inputs are the sample plan and small fixtures of other plans, mutated with a fixed seed, so a failure is
the same on every machine and names the case that reproduces it. Damage classes: lines dropped, duplicated or
swapped (a copy-paste gone wrong), table cells shifted by a tab added or lost, the text cut short, figures
mistyped (36 digits, "1.2.3,4", "²", "NaN", "1e400"), and wrong encodings (UTF-16 without its mark, the
Vietnamese Windows code page, NUL bytes, random bytes).
"""
import random
import re

import pytest

from planparser.blocks import PlanReadError
from planparser.jsonout import dumps
from planparser.plan import parse_document
from tests.conftest import FIXTURES, SAMPLE

SEED = 20230610
BATCHES = 16
PER_BATCH = 100  # 1,600 text cases; test_fuzz_docx adds 500 Word cases
SMALL = [FIXTURES / "plans" / n for n in ("ind-xa-chu-cai.txt", "header-phuong-thanh-vinh-2026.txt",
                                          "dir-huyen-yen-thanh-2024.txt", "pdf-xa-nghi-phong-2024.txt")]
CONTRACT_KEYS = {"issuer", "locality", "number", "issued_on", "year", "title", "signer", "report_day",
                 "tasks", "indicators", "anomalies"}
# Letters only Vietnamese writes; a message without any is not Vietnamese.
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]", re.IGNORECASE)
BAD_NUMBERS = ["123456789012345678901234567890123456", "1.2.3,4", "²", "NaN", "1e400", "1E+400", "-0", "0,",
               ",5", "1..000", "٣", "1 000 000", "9" * 400, "1,2,3", "--5", "10%%", "+-7", "1.000,000.5"]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def check_outcome(data: bytes, name: str, case: str) -> None:
    """A plan with every contract key that can be printed as JSON, or a Vietnamese message naming the file."""
    try:
        plan = parse_document(data, name)
    except PlanReadError as error:
        message = str(error)
        assert VIETNAMESE.search(message) and name in message, f"{case}: {message!r}"
        assert "Error" not in message and "Traceback" not in message, f"{case}: {message!r}"
        return
    assert isinstance(plan, dict) and CONTRACT_KEYS <= plan.keys(), case
    for anomaly in plan["anomalies"]:
        assert {"kind", "where", "message"} <= anomaly.keys() and VIETNAMESE.search(anomaly["message"]), case
    dumps(plan)


# ---------------------------------------------------------------- line damage


def drop_lines(lines, rng):
    for _ in range(rng.randint(1, 8)):
        if lines:
            del lines[rng.randrange(len(lines))]


def duplicate_lines(lines, rng):
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])


def swap_rows(lines, rng):
    index = rng.randrange(len(lines) - 1)
    lines[index], lines[index + 1] = lines[index + 1], lines[index]


def shift_cells(lines, rng):
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    for index in rng.sample(rows, min(len(rows), rng.randint(1, 3))):
        cells = lines[index].split("\t")
        at = rng.randrange(len(cells))
        if rng.random() < 0.5:
            cells.insert(at, "")
        elif len(cells) > 1:
            cells[at:at + 2] = [cells[at] + (cells[at + 1] if at + 1 < len(cells) else "")]
        lines[index] = "\t".join(cells)


def bad_numbers(lines, rng):
    with_numbers = [i for i, line in enumerate(lines) if NUMBER.search(line)]
    for index in rng.sample(with_numbers, min(len(with_numbers), rng.randint(1, 4))):
        found = list(NUMBER.finditer(lines[index]))
        hit = rng.choice(found)
        lines[index] = lines[index][:hit.start()] + rng.choice(BAD_NUMBERS) + lines[index][hit.end():]


def blank_cells(lines, rng):
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    index = rng.choice(rows)
    cells = lines[index].split("\t")
    cells[rng.randrange(len(cells))] = rng.choice(["", " ", "**", "-", "…"])
    lines[index] = "\t".join(cells)


LINE_DAMAGE = [drop_lines, duplicate_lines, swap_rows, shift_cells, bad_numbers, blank_cells]

# ---------------------------------------------------------------- byte damage


def truncate(data: bytes, rng) -> bytes:
    return data[:rng.randrange(len(data))]


def utf16_without_mark(data: bytes, rng) -> bytes:
    return data.decode("utf-8", "replace").encode(rng.choice(["utf-16-le", "utf-16-be"]))


def cp1258(data: bytes, rng) -> bytes:
    return data.decode("utf-8", "replace").encode("cp1258", "replace")


def nul_bytes(data: bytes, rng) -> bytes:
    cut = rng.randrange(len(data))
    return data[:cut] + b"\x00" * rng.randint(1, 40) + data[cut:]


def random_bytes(data: bytes, rng) -> bytes:
    cut = rng.randrange(len(data))
    return data[:cut] + rng.randbytes(rng.randint(1, 64)) + data[cut + rng.randint(0, 64):]


def only_garbage(data: bytes, rng) -> bytes:
    return rng.choice([rng.randbytes(rng.randint(1, 2000)), b"PK\x03\x04" + rng.randbytes(200),
                       b"%PDF-1.7\n" + rng.randbytes(300), b"\xff\xfe" + rng.randbytes(301), b"\t" * 50])


BYTE_DAMAGE = [truncate, utf16_without_mark, cp1258, nul_bytes, random_bytes, only_garbage]


def mutate(source: bytes, rng: random.Random) -> tuple[bytes, str]:
    lines = source.decode("utf-8").split("\n")
    steps = rng.sample(LINE_DAMAGE, rng.randint(1, 3))
    for step in steps:
        step(lines, rng)
    data = "\n".join(lines).encode("utf-8")
    names = [s.__name__ for s in steps]
    if rng.random() < 0.3:
        damage = rng.choice(BYTE_DAMAGE)
        data = damage(data, rng)
        names.append(damage.__name__)
    return data, "+".join(names)


def cases(batch: int):
    """The batch's inputs, the same on every run: (bytes, file name, description)."""
    rng = random.Random(SEED * 1000 + batch)
    sources = [SAMPLE.read_bytes()] + [p.read_bytes() for p in SMALL]
    for number in range(PER_BATCH):
        # The sample is the slow, rich one: one case in five keeps the whole run short.
        index = 0 if number % 5 == 0 else 1 + number % len(SMALL)
        data, steps = mutate(sources[index], rng)
        yield data, f"fuzz-{batch}-{number}.txt", f"batch {batch} case {number} ({steps}) of source {index}"


@pytest.mark.parametrize("batch", range(BATCHES))
def test_damaged_text_gives_a_plan_or_a_vietnamese_error(batch):
    count = 0
    for data, name, case in cases(batch):
        check_outcome(data, name, case)
        count += 1
    assert count == PER_BATCH


def test_the_fuzz_run_is_the_same_on_every_run():
    assert [d for d, _, _ in cases(3)] == [d for d, _, _ in cases(3)]
