"""Fuzz: PDF plans damaged with a fixed seed give a plan or a Vietnamese PlanReadError, nothing else.

The ward plan exported to PDF by LibreOffice (tests/fixtures/plans/pdf) is cut short, has bits flipped or junk
inserted, has numbers and keys of its object syntax mistyped, and has its page content streams (decompressed,
damaged, compressed again) given bad operands: 1e400, NaN, huge numbers, unknown fonts, a singular matrix.
"""
import random
import re
import zlib

import pytest

from tests.conftest import FIXTURES
from tests.parser.test_fuzz_text import SEED, check_outcome

BATCHES = 3
PER_BATCH = 100
SOURCE = FIXTURES / "plans" / "pdf" / "header-phuong-thanh-vinh-2026.pdf"
OBJECT_NUMBER = re.compile(rb"\b\d+\b")
KEY = re.compile(rb"/(?:Length|Size|Count|W|Prev|Root|Kids|Type|Filter|Font|Contents|MediaBox)\b")
STREAM = re.compile(rb"stream\r?\n")
OPERANDS = [b" 1e400 ", b" NaN ", b" 99999999999999999999999 ", b" -0 ", b" () ", b" <> ", b" [ ", b" ] ",
            b" /F999 12 Tf ", b" 0 0 0 0 0 0 cm ", b" 1 0 0 1 1e30 1e30 Tm ", b" Tj ", b" TJ ", b" BT ", b" ET ",
            b" Q ", b" q ", b" (\xff\xfe\x00) Tj "]


def cut(data, rng):
    return data[:rng.randrange(len(data))]


def flip_bits(data, rng):
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(damaged))
        damaged[at] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def insert_junk(data, rng):
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 200)) + data[at:]


def bad_object_number(data, rng):
    number = rng.choice(list(OBJECT_NUMBER.finditer(data)))
    wrong = rng.choice([b"99999999999999999999", b"-1", b"abc", b"1e400", b"0"])
    return data[:number.start()] + wrong + data[number.end():]


def bad_key_value(data, rng):
    key = rng.choice(list(KEY.finditer(data)))
    return data[:key.end()] + rng.choice([b" 0", b" -5", b" null", b" /Foo", b" [", b" 999999999"]) + data[key.end():]


def bad_content(data, rng):
    """Damage inside a compressed stream, where byte damage would only break the compression."""
    start = rng.choice(list(STREAM.finditer(data))).end()
    end = data.find(b"endstream", start)
    try:
        content = bytearray(zlib.decompress(data[start:end].rstrip(b"\r\n")))
    except zlib.error:
        return flip_bits(data, rng)
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(max(1, len(content)))
        content[at:at] = rng.choice(OPERANDS)
    return data[:start] + zlib.compress(bytes(content)) + b"\n" + data[end:]


DAMAGE = [cut, flip_bits, insert_junk, bad_object_number, bad_key_value, bad_content, bad_content]


def cases(batch: int):
    rng = random.Random(SEED * 1000 + 900 + batch)
    source = SOURCE.read_bytes()
    for number in range(PER_BATCH):
        damage = rng.choice(DAMAGE)
        yield damage(source, rng), f"fuzz-{batch}-{number}.pdf", f"pdf batch {batch} case {number} ({damage.__name__})"


@pytest.mark.parametrize("batch", range(BATCHES))
def test_damaged_pdf_gives_a_plan_or_a_vietnamese_error(batch):
    count = 0
    for data, name, case in cases(batch):
        check_outcome(data, name, case)
        count += 1
    assert count == PER_BATCH
