"""Table grids and text runs of a PDF page, as the faster reader indexes them: merged cells found once per
table, a line drawn with several rectangles cut exactly where each starts."""
from itertools import pairwise

import pypdfium2 as pdfium

from planparser.pdf_grid import find_grids
from planparser.pdf_text import Piece, Rule, page_content
from tests.fixtures.build_pdfs import pdf_path

# The first rows of the task table of the sample plan as Word draws them: TT | NHIỆM VỤ | GIẢI PHÁP | PHÂN CÔNG.
XS = [57.0, 90.0, 260.0, 500.0, 610.0]
YS = [100.0, 130.0, 170.0, 210.0]


def ruled(merged_across=(), merged_down=()) -> list[Rule]:
    """Every cell border drawn, but the left border of the cells in `merged_across` (Word's gridSpan) and
    the top border of the cells in `merged_down` (Word's vMerge), given as (row, column)."""
    rules = []
    for r in range(len(YS) - 1):
        for c in range(len(XS)):
            if (r, c) not in merged_across:
                rules.append(Rule(False, XS[c], YS[r], YS[r + 1]))
    for r in range(len(YS)):
        for c in range(len(XS) - 1):
            if (r, c) not in merged_down:
                rules.append(Rule(True, YS[r], XS[c], XS[c + 1]))
    return rules


def test_a_fully_ruled_table_has_a_cell_per_grid_cell():
    grid, = find_grids(ruled())
    assert (grid.xs, grid.ys) == (XS, YS)
    assert [grid.region(2, c) for c in range(4)] == [(2, 0), (2, 1), (2, 2), (2, 3)]
    assert [grid.right_wall(2, c) for c in range(4)] == [1, 2, 3, 4]


def test_a_group_heading_merged_across_is_one_cell_ending_at_the_tables_edge():
    # Row 1: "I" | "Lĩnh vực kinh tế" spread over NHIỆM VỤ, GIẢI PHÁP and PHÂN CÔNG.
    grid, = find_grids(ruled(merged_across={(1, 2), (1, 3)}))
    assert [grid.region(1, c) for c in range(4)] == [(1, 0), (1, 1), (1, 1), (1, 1)]
    assert grid.right_wall(1, 1) == 4
    assert grid.right_wall(2, 1) == 2  # the row below is ruled again
    assert grid.cell_at(450.0, 150.0) == (1, 1)  # text printed over the hidden border belongs to the merged cell


def test_a_leader_merged_down_two_tasks_is_the_cell_of_the_first():
    # PHÂN CÔNG of rows 1 and 2: "Phó Chủ tịch phụ trách kinh tế" once for two tasks.
    grid, = find_grids(ruled(merged_down={(2, 3)}))
    assert grid.region(2, 3) == (1, 3)
    assert grid.region(2, 2) == (2, 2)
    assert grid.cell_at(555.0, 200.0) == (1, 3)


def test_a_point_just_outside_the_borders_belongs_to_the_edge_cells():
    grid, = find_grids(ruled())
    # Within the snap of the outer borders, as a glyph's box may overhang them.
    assert grid.cell_at(XS[0] - 1.0, YS[0] - 1.0) == (0, 0)
    assert grid.cell_at(XS[-1] + 1.0, YS[-1] + 1.0) == (2, 3)


def test_a_page_is_placed_in_its_table_as_cell_at_places_each_point():
    grid, = find_grids(ruled(merged_across={(1, 2), (1, 3)}))
    heading = make_piece(95, 135, 480, 150, "Lĩnh vực kinh tế")  # spread over the merged cell of row 1
    leader = make_piece(505, 175, 600, 190, "Chủ tịch")
    overhang = make_piece(55, 98, 70, 110, "TT")  # a glyph box over the outer border, within the snap
    title = make_piece(200, 40, 400, 55, "KẾ HOẠCH")  # above the table
    outside, cells = grid.place([title, heading, leader, overhang])
    assert outside == [title]
    assert cells == {(1, 1): [heading], (2, 3): [leader], (0, 0): [overhang]}


def test_two_tables_apart_are_two_grids_and_a_chain_of_rules_one():
    # A second table 300 points lower, and a stray rule touching neither; the lower table's rules come first.
    low = [Rule(True, r.at + 300.0, r.low, r.high) if r.horizontal else Rule(False, r.at, r.low + 300.0, r.high + 300.0)
           for r in ruled()]
    stray = Rule(True, 700.0, 100.0, 200.0)
    grids = find_grids(low + [stray] + ruled())
    assert [(grid.xs, grid.ys) for grid in grids] == [(XS, YS), (XS, [y + 300.0 for y in YS])]


def test_a_header_line_drawn_with_a_rectangle_per_cell_is_cut_at_each_cell():
    """pdfium reads the bold header of the sample's task table as one line across four cells,
    "TT NHIỆM VỤ GIẢI PHÁP PHÂN", drawn with four rectangles: each cell gets its own piece."""
    document = pdfium.PdfDocument(pdf_path("sample").read_bytes())
    try:
        pieces, rules = page_content(document, 3)  # page 4, where the task table starts
    finally:
        document.close()
    start = next(i for i, piece in enumerate(pieces) if piece.text.strip() == "TT")
    header = pieces[start:start + 4]
    assert [piece.text.strip() for piece in header] == ["TT", "NHIỆM VỤ", "GIẢI PHÁP", "PHÂN"]
    assert all(piece.style_first == 1 for piece in header)  # bold
    assert all(left.x1 < right.x0 for left, right in pairwise(header))
    grid = find_grids(rules)[0]
    assert [grid.cell_at((p.x0 + p.x1) / 2, (p.top + p.bottom) / 2)[1] for p in header] == [0, 1, 2, 3]


def pdf_with_fonts(lines: list[tuple[str, str]]) -> bytes:
    """One page, a line of text per (font name, text), each font a standard one under the given name."""
    fonts = "".join(f"/F{i} {4 + i} 0 R " for i in range(len(lines)))
    content = "".join(f"BT /F{i} 12 Tf 72 {770 - 20 * i} Td ({text}) Tj ET\n" for i, (_, text) in enumerate(lines))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << {fonts}>> >> "
               f"/Contents {4 + len(lines)} 0 R >>"]
    objects += [f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>" for name, _ in lines]
    objects.append(f"<< /Length {len(content)} >>\nstream\n{content}endstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_font_name_longer_than_the_buffer_still_says_bold():
    """Subsetting tools prefix and suffix font names; a name past 128 bytes is read in full, not taken
    from the font read before it."""
    long_bold = "ABCDEF+TimesNewRomanPS-BoldMT" + "-Subset" * 20
    document = pdfium.PdfDocument(pdf_with_fonts([("TimesNewRomanPSMT", "Phat trien kinh te"),
                                                  (long_bold, "KE HOACH"),
                                                  ("TimesNewRomanPSMT", "nam 2024")]))
    try:
        pieces, _ = page_content(document, 0)
    finally:
        document.close()
    assert len(long_bold) > 128
    assert [(piece.text.strip(), piece.style_first) for piece in pieces] == [
        ("Phat trien kinh te", 0), ("KE HOACH", 1), ("nam 2024", 0)]


def make_piece(x0: float, top: float, x1: float, bottom: float, text: str) -> Piece:
    return Piece(x0, top, x1, bottom, text)
