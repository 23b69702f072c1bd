"""Fuzz: Word plans damaged the ways .docx files get damaged give a plan or a Vietnamese PlanReadError.

One small plan (a ward's, with merged heading rows and cells merged down) is built once as a real .docx; each
case changes its package with a fixed seed: XML that is not well-formed, merge attributes Word would not write
(gridSpan="abc", a vMerge continuing nothing), cells and rows dropped, duplicated or swapped, mistyped figures,
odd run markup, no body or the wrong root, tables nested deep, a part missing, the zip cut short or a byte flipped
in it.
"""
import io
import random
import re
import zipfile

import pytest

from tests.conftest import FIXTURES
from tests.fixtures.make_docx import build_docx
from tests.parser.test_fuzz_text import BAD_NUMBERS, SEED, check_outcome

BATCHES = 5
PER_BATCH = 100  # 500 Word cases, beside test_fuzz_text's 1,600
SOURCE = FIXTURES / "plans" / "header-phuong-thanh-vinh-2026.txt"
DOCUMENT = "word/document.xml"
CELL = re.compile(r"<w:tc>.*?</w:tc>", re.DOTALL)
ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.DOTALL)
TEXT_NUMBER = re.compile(r"(?<=<w:t>)([^<]*?)(\d+(?:[.,]\d+)*)")
SPANS = ["abc", "0", "-1", "", "2.5", "1e3", "64", "99999999", " 2 ", "²", "٢", "3"]
MERGES = ["<w:vMerge/>", '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>', '<w:vMerge w:val="xyz"/>',
          '<w:vMerge w:val=""/>']
BREAKING = ["<", "&", "</w:p>", "<w:tc>", "\x01", "]]>", "<!--", '"', "&nbsp;", "<w:t>", "\ufffe"]
RUN_MARKUP = ['<w:br w:type="bogus"/>', "<w:tab/>", "<w:cr/>", '<w:sym w:font="Symbol" w:char="F0B7"/>',
              "<w:noBreakHyphen/>", '<w:fldChar w:fldCharType="begin"/>', "<w:t/>"]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict[str, bytes]:
    path = build_docx(SOURCE, tmp_path_factory.mktemp("fuzz") / "plan.docx")
    with zipfile.ZipFile(path) as package:
        return {member: package.read(member) for member in package.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for member, data in parts.items():
            package.writestr(member, data)
    return out.getvalue()


def pick(pattern: re.Pattern, xml: str, rng) -> re.Match | None:
    found = list(pattern.finditer(xml))
    return rng.choice(found) if found else None


def replace(xml: str, match: re.Match | None, new: str) -> str:
    return xml if match is None else xml[:match.start()] + new + xml[match.end():]


# ---------------------------------------------------------------- document.xml damage


def break_xml(xml, rng):
    at = rng.randrange(len(xml))
    return xml[:at] + rng.choice(BREAKING) + xml[at:]


def cut_xml(xml, rng):
    return xml[:rng.randrange(len(xml))]


def bad_grid_span(xml, rng):
    cell = pick(CELL, xml, rng)
    if cell is None:
        return xml
    span = f'<w:gridSpan w:val="{rng.choice(SPANS)}"/>'
    text = re.sub(r"<w:gridSpan[^>]*/>", "", cell.group())
    return replace(xml, cell, text.replace("<w:tcPr>", "<w:tcPr>" + span, 1))


def odd_merge(xml, rng):
    cell = pick(CELL, xml, rng)
    if cell is None:
        return xml
    text = re.sub(r"<w:vMerge[^>]*/>", "", cell.group())
    return replace(xml, cell, text.replace("<w:tcPr>", "<w:tcPr>" + rng.choice(MERGES), 1))


def drop_cell(xml, rng):
    return replace(xml, pick(CELL, xml, rng), "")


def duplicate_row(xml, rng):
    row = pick(ROW, xml, rng)
    return replace(xml, row, row.group() * 2) if row else xml


def drop_row(xml, rng):
    return replace(xml, pick(ROW, xml, rng), "")


def swap_rows(xml, rng):
    rows = list(ROW.finditer(xml))
    if len(rows) < 2:
        return xml
    index = rng.randrange(len(rows) - 1)
    first, second = rows[index], rows[index + 1]
    return xml[:first.start()] + second.group() + xml[first.end():second.start()] + first.group() + xml[second.end():]


def bad_figure(xml, rng):
    figure = pick(TEXT_NUMBER, xml, rng)
    if figure is None:
        return xml
    return xml[:figure.start(2)] + rng.choice(BAD_NUMBERS) + xml[figure.end(2):]


def odd_run(xml, rng):
    run = pick(re.compile(r"<w:r>"), xml, rng)
    markup = rng.choice(RUN_MARKUP + ['<w:rPr><w:vertAlign w:val="bogus"/></w:rPr><w:t>7</w:t>'])
    return replace(xml, run, "<w:r>" + markup)


def no_grid(xml, rng):
    return re.sub(r"<w:tblGrid>.*?</w:tblGrid>", "", xml, count=rng.randint(1, 3), flags=re.DOTALL)


def odd_body(xml, rng):
    return rng.choice([re.sub(r"<w:body>.*</w:body>", "", xml, flags=re.DOTALL),
                       re.sub(r"<w:body>.*</w:body>", "<w:body/>", xml, flags=re.DOTALL),
                       xml.replace("<w:document ", "<w:doc ", 1).replace("</w:document>", "</w:doc>")])


def nest_tables(xml, rng):
    depth = rng.choice([2, 20, 300])
    nested = "<w:p><w:r><w:t>1</w:t></w:r></w:p>"
    for _ in range(depth):
        nested = f"<w:tbl><w:tr><w:tc>{nested}<w:p/></w:tc></w:tr></w:tbl>"
    return replace(xml, pick(re.compile(r"<w:p>"), xml, rng), nested + "<w:p>")


XML_DAMAGE = [break_xml, cut_xml, bad_grid_span, odd_merge, drop_cell, duplicate_row, drop_row, swap_rows,
              bad_figure, odd_run, no_grid, odd_body, nest_tables]

# ---------------------------------------------------------------- package damage


def drop_part(parts, rng):
    del parts[rng.choice(sorted(parts))]


def garbage_part(parts, rng):
    parts[rng.choice(sorted(parts))] = rng.choice([b"", rng.randbytes(200), b"<?xml version='1.0'?><a>"])


def recoded_document(parts, rng):
    text = parts[DOCUMENT].decode("utf-8")
    parts[DOCUMENT] = text.encode(rng.choice(["utf-16", "utf-16-le", "cp1258"]), "replace")


PART_DAMAGE = [drop_part, garbage_part, recoded_document]


def cut_zip(data: bytes, rng) -> bytes:
    return data[:rng.randrange(len(data))]


def flip_byte(data: bytes, rng) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]


ZIP_DAMAGE = [cut_zip, flip_byte]


def mutate(template: dict[str, bytes], rng: random.Random) -> tuple[bytes, str]:
    parts = dict(template)
    xml = parts[DOCUMENT].decode("utf-8")
    steps = rng.sample(XML_DAMAGE, rng.randint(1, 3))
    for step in steps:
        xml = step(xml, rng)
    parts[DOCUMENT] = xml.encode("utf-8", "surrogatepass")
    names = [s.__name__ for s in steps]
    if rng.random() < 0.15:
        damage = rng.choice(PART_DAMAGE)
        damage(parts, rng)
        names.append(damage.__name__)
    data = zipped(parts)
    if rng.random() < 0.15:
        damage = rng.choice(ZIP_DAMAGE)
        data = damage(data, rng)
        names.append(damage.__name__)
    return data, "+".join(names)


def cases(template, batch: int):
    rng = random.Random(SEED * 1000 + 500 + batch)
    for number in range(PER_BATCH):
        data, steps = mutate(template, rng)
        yield data, f"fuzz-{batch}-{number}.docx", f"docx batch {batch} case {number} ({steps})"


@pytest.mark.parametrize("batch", range(BATCHES))
def test_damaged_word_file_gives_a_plan_or_a_vietnamese_error(template, batch):
    count = 0
    for data, name, case in cases(template, batch):
        check_outcome(data, name, case)
        count += 1
    assert count == PER_BATCH


def test_the_template_itself_reads_as_a_plan(template):
    check_outcome(zipped(template), "plan.docx", "the undamaged template")
