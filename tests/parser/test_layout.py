"""split_blocks: only a table whose header row says so gives task rows; layout tables give prose in reading order."""
from planparser.blocks import Para, Row
from planparser.layout import is_appendix_header, split_blocks

TASK_HEADER = ["TT", "NHIỆM VỤ", "GIẢI PHÁP", "PHÂN CÔNG CHỈ ĐẠO", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP",
               "THỜI GIAN HOÀN THÀNH"]
TASK = ["1.1", "Rà soát đất công", "(1) Kiểm kê", "Chủ tịch UBND xã", "Công chức Địa chính", "Các xóm", "Quý II/2025"]
HEADER_TABLE = [["ỦY BAN NHÂN DÂN\nXÃ NGHI PHONG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                ["Số: 12/KH-UBND", "Nghi Phong, ngày 02 tháng 01 năm 2025"]]
SIGNATURE = [["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(đã ký)\nPhan Văn Tú"]]
APPENDIX_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"]


def table(rows, number, start=1):
    return [Row(cells=list(cells), line=start + i, table=number) for i, cells in enumerate(rows)]


def test_header_and_signature_tables_are_prose_in_reading_order():
    blocks = [*table(HEADER_TABLE, 1), Para("KẾ HOẠCH", 1), *table([TASK_HEADER, TASK], 2),
              *table(SIGNATURE, 3)]  # the signature table follows the task table with nothing between
    layout = split_blocks(blocks)
    assert [row.cells[0] for row, _ in layout.task_rows] == ["1.1"]
    # Column by column: the issuing body stays with its number, the signing body with its signer.
    assert layout.prose == ["ỦY BAN NHÂN DÂN", "XÃ NGHI PHONG", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc", "Nghi Phong, ngày 02 tháng 01 năm 2025", "KẾ HOẠCH",
                            "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(đã ký)",
                            "Phan Văn Tú"]
    assert layout.task_header.cells == TASK_HEADER


def test_a_headerless_table_continues_the_task_table_only_right_after_it_with_the_same_columns():
    follow = ["", "", "(2) Công khai", "Chủ tịch UBND xã", "Công chức Địa chính", "Các xóm", "Quý III/2025"]
    direct = split_blocks([*table([TASK_HEADER, TASK], 1), *table([follow], 2)])
    assert [row.cells[2] for row, _ in direct.task_rows] == ["(1) Kiểm kê", "(2) Công khai"]
    apart = split_blocks([*table([TASK_HEADER, TASK], 1), Para("V. TỔ CHỨC THỰC HIỆN", 9), *table([follow], 2)])
    assert [row.cells[2] for row, _ in apart.task_rows] == ["(1) Kiểm kê"]
    assert "(2) Công khai" in apart.prose
    narrower = split_blocks([*table([TASK_HEADER, TASK], 1), *table([follow[:4]], 2)])
    assert len(narrower.task_rows) == 1


def test_a_title_row_above_the_header_row_is_prose():
    title = ["BIỂU PHÂN CÔNG NHIỆM VỤ NĂM 2025", "", "", "", "", "", ""]
    layout = split_blocks(table([title, TASK_HEADER, TASK], 1))
    assert layout.prose == ["BIỂU PHÂN CÔNG NHIỆM VỤ NĂM 2025"]
    assert len(layout.task_rows) == 1


def test_appendix_tables_are_collected_with_their_header_row():
    page_one = [APPENDIX_HEADER, ["1", "Tổng thu ngân sách xã", "Triệu đồng", "12.500"]]
    page_two = [["2", "Tỷ lệ hộ nghèo", "%", "Dưới 1,2"]]  # Word's continuation without the header repeated
    repeated = [APPENDIX_HEADER, ["3", "Tỷ lệ tham gia BHYT", "%", "95"]]
    layout = split_blocks([*table([TASK_HEADER, TASK], 1), Para("Phụ lục", 5), *table(page_one, 2),
                           *table(page_two, 3), Para("(tiếp theo)", 8), *table(repeated, 4)])
    assert layout.appendix_tables == [page_one + page_two, repeated]
    assert len(layout.task_rows) == 1
    assert layout.prose == ["Phụ lục", "(tiếp theo)"]


def test_appendix_header_rows():
    assert is_appendix_header(APPENDIX_HEADER)
    assert is_appendix_header(["TT", "Các chỉ tiêu chủ yếu", "ĐVT", "Thực hiện 2024", "Kế hoạch 2025", "Ghi chú"])
    assert not is_appendix_header(TASK_HEADER)
    assert not is_appendix_header(["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"])


def test_a_layout_table_wider_than_three_columns_reads_row_by_row():
    rows = [["Thôn", "Hộ", "Khẩu", "Ghi chú"], ["Thôn 1", "120", "480", ""]]
    layout = split_blocks([*table([TASK_HEADER, TASK], 1), Para("Số liệu", 4), *table(rows, 2)])
    assert layout.prose == ["Số liệu", "Thôn", "Hộ", "Khẩu", "Ghi chú", "Thôn 1", "120", "480"]
