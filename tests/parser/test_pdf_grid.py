"""Table grids and text runs of a PDF page, as the faster reader indexes them: merged cells found once per
table, a line drawn with several rectangles cut exactly where each starts."""
import pypdfium2 as pdfium

from planparser.pdf_grid import find_grids
from planparser.pdf_text import Rule, page_content
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
    assert all(left.x1 < right.x0 for left, right in zip(header, header[1:]))
    grid = find_grids(rules)[0]
    assert [grid.cell_at((p.x0 + p.x1) / 2, (p.top + p.bottom) / 2)[1] for p in header] == [0, 1, 2, 3]
