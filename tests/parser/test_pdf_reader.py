"""The PDF reader: PDFs it cannot read get a clear Vietnamese message, never a traceback; what it reads is
joined back the way Word wrote it."""
import ctypes
import io
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from planparser.blocks import Para, PlanReadError
from planparser.pdf_layout import Line, make_lines, paragraphs
from planparser.pdf_text import Piece, _mark_superscripts
from planparser.plan import parse_document
from planparser.reader_pdf import MAX_PAGES
from planparser.readers import read_blocks
from tests.fixtures.build_pdfs import pdf_path


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """One A4 page holding only a picture, as a scanner makes it."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(595, 842)
    bitmap = pdfium.PdfBitmap.new_native(200, 100, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, 200, 100)
    bitmap.fill_rect((0, 0, 0, 255), 20, 20, 150, 8)  # a "line of text", as pixels
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(80, 500))
    page.insert_obj(image)
    page.gen_content()
    return saved(document)


def text_pdf(lines: list[str]) -> bytes:
    """A page of plain prose in a standard font, with no table drawn."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(595, 842)
    for number, line in enumerate(lines):
        text = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Times-Roman", ctypes.c_float(12))
        utf16 = (line + "\0").encode("utf-16-le")  # pdfium takes UTF-16 with a terminating zero
        pdfium_c.FPDFText_SetText(text, ctypes.cast(ctypes.c_char_p(utf16), ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 72, 770 - 20 * number)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
    page.gen_content()
    return saved(document)


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty."""
    body = (b"%PDF-1.4\n"
            b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
            b"4 0 obj << /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
            + b"> /P -4 >> endobj\n")
    offsets = [match.start() for match in re.finditer(rb"\d+ 0 obj", body)]
    xref = b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % at for at in offsets)
    trailer = (b"trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16
               + b">] >>\nstartxref\n%d\n%%%%EOF\n" % len(body))
    return body + xref + trailer


def message(data: bytes, name: str) -> str:
    with pytest.raises(PlanReadError) as caught:
        parse_document(data, name)
    return str(caught.value)


def test_a_scanned_pdf_says_it_has_no_text():
    text = message(scanned_pdf(), "ke-hoach-scan.pdf")
    assert "«ke-hoach-scan.pdf»" in text and "không có lớp chữ" in text and "bản quét" in text


def test_an_encrypted_pdf_says_it_has_a_password():
    text = message(encrypted_pdf(), "ke-hoach-mat-khau.pdf")
    assert "«ke-hoach-mat-khau.pdf»" in text and "mật khẩu" in text


@pytest.mark.parametrize("share", [0.02, 0.5])
def test_a_truncated_pdf_says_it_is_damaged(share):
    data = pdf_path("sample").read_bytes()
    text = message(data[: int(len(data) * share)], "ke-hoach.pdf")
    assert "«ke-hoach.pdf»" in text and "bị hỏng" in text


def test_a_file_named_pdf_that_is_no_pdf_says_so():
    text = message("Kế hoạch năm 2024".encode() * 10, "ke-hoach.pdf")
    assert "không phải tệp PDF hợp lệ" in text


def test_a_pdf_of_too_many_pages_is_refused_before_reading():
    document = pdfium.PdfDocument.new()
    for _ in range(MAX_PAGES + 1):
        document.new_page(595, 842)
    text = message(saved(document), "qua-dai.pdf")
    assert f"{MAX_PAGES + 1} trang" in text and f"{MAX_PAGES} trang" in text


def test_a_pdf_with_text_but_no_task_table_says_what_is_missing():
    text = message(text_pdf(["KE HOACH", "Phat trien kinh te - xa hoi nam 2024"]), "van-ban.pdf")
    assert "Không tìm thấy bảng nhiệm vụ" in text


def test_the_reader_is_chosen_by_content_not_by_name():
    blocks = read_blocks(pdf_path("pdf-xa-nghi-phong-2024").read_bytes(), "ke-hoach.txt")
    assert any(isinstance(b, Para) and b.text == "KẾ HOẠCH" for b in blocks)


def piece(x0: float, x1: float, text: str, top: float = 100.0, height: float = 13.0, order: int = 0) -> Piece:
    return Piece(x0, top, x1, top + height, text, order)


def test_a_syllable_split_by_glyph_positioning_is_joined():
    # "nhi" and "ệm vụ" drawn 1 pt apart (per-glyph positioning); a real space is about 3 pt at 13 pt.
    line, = make_lines([piece(60, 75, "nhi", order=0), piece(76, 110, "ệm vụ", order=3)])
    assert line.text == "nhiệm vụ"
    line, = make_lines([piece(60, 75, "Kinh", order=0), piece(79, 95, "tế", order=4)])
    assert line.text == "Kinh tế"


def test_a_footnote_mark_that_starts_a_line_stays_on_it():
    mark = Piece(57, 230, 62, 238, "1", 0)  # small and raised
    text = Piece(63, 232, 400, 245, "Trong đó: Nông nghiệp: 82,8 tỷ đồng", 1)
    line, = make_lines(_mark_superscripts([mark, text]))
    assert line.text == "¹ Trong đó: Nông nghiệp: 82,8 tỷ đồng"


def test_a_bold_subject_line_does_not_run_into_the_body():
    subject = Line(57, 127, 765, 142, "Triển khai thực hiện Nghị quyết của HĐND tỉnh năm 2024", style_first=1,
                   style_last=1)
    body = Line(57, 144, 793, 159, "Thực hiện Nghị quyết số 25/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh", style_first=0,
                style_last=0)
    assert paragraphs([subject, body], right=793) == [subject.text, body.text]


def test_a_line_that_wraps_after_a_hyphen_between_figures_stays_one_word():
    first = Line(97, 167, 169, 179, "Tỷ lệ hộ nghèo (theo chuẩn giai đoạn 2022-", style_first=0, style_last=0)
    second = Line(97, 182, 133, 194, "2025)", style_first=0, style_last=0)
    assert paragraphs([first, second], right=170) == ["Tỷ lệ hộ nghèo (theo chuẩn giai đoạn 2022-2025)"]
    # The rule under the issuing body ends in hyphens too, but it is no word cut at the end of a line.
    rule = Line(100, 90, 160, 100, "-------", style_first=0, style_last=0)
    number = Line(100, 101, 180, 113, "Số: 45/KH-UBND", style_first=0, style_last=0)
    assert paragraphs([rule, number], right=290) == ["-------", "Số: 45/KH-UBND"]


def test_a_figure_wrapped_below_another_columns_text_is_no_footnote_mark():
    # "2023" ends a deadline cell on the line below; the next column's text starts higher up, beside it.
    year = Piece(640, 340, 662, 349, "2023", 0)
    beside = Piece(664, 322, 790, 336, "Công chức Đô thị", 1)
    assert [p.text for p in _mark_superscripts([year, beside])] == ["2023", "Công chức Đô thị"]


def test_a_list_item_or_the_signature_after_a_full_line_starts_anew():
    full = Line(57, 100, 790, 113,
                "5. Tổng chi ngân sách xã: 46.341.000.000 đồng, chi thường xuyên: 6.431.000.000 đồng.")
    item = Line(57, 115, 600, 128, "6. Tổng giá trị khối lượng thực hiện các công trình: 63,1 tỷ đồng")
    assert len(paragraphs([full, item], right=793)) == 2
    end = Line(57, 100, 790, 113, "… báo cáo kết quả thực hiện về UBND huyện trước ngày 15 hằng tháng để tổng hợp./.")
    received = Line(57, 115, 120, 128, "Nơi nhận:")
    assert len(paragraphs([end, received], right=793)) == 2


def test_a_lone_full_stop_wrapped_onto_the_next_line_stays_with_its_sentence():
    # The sample types "doanh nghiệp ." and LibreOffice wraps the full stop alone; its box is a dot near the baseline.
    line = Line(309.4, 150.2, 508.3, 162.4, "đổi hộ kinh doanh thành doanh nghiệp", spaced=True)
    dot = Line(309.8, 173.1, 311.3, 174.7, ".", first_word=1.5)
    assert paragraphs([line, dot], right=510.3) == ["đổi hộ kinh doanh thành doanh nghiệp ."]


def test_a_signature_block_cut_by_a_page_is_read_column_by_column():
    from planparser.pdf_columns import columns_across_pages

    def line(x0, x1, top, text, page):
        return Line(x0, top, x1, top + 12, text, page=page)
    run = [line(57, 300, 100, "2. Các cơ quan báo cáo kết quả trước ngày 15 hằng tháng./.", 3),
           line(57, 120, 130, "Nơi nhận:", 3), line(57, 200, 145, "- UBND tỉnh (để b/c);", 3),
           line(520, 700, 130, "TM. ỦY BAN NHÂN DÂN", 3), line(545, 675, 145, "KT. CHỦ TỊCH", 3),
           line(550, 670, 160, "PHÓ CHỦ TỊCH", 3),
           line(57, 220, 60, "- UBND các xã, thị trấn;", 4), line(57, 160, 75, "- Lưu: VT, TC-KH.", 4),
           line(545, 675, 120, "Nguyễn Văn Hùng", 4)]
    assert [line.text for line in columns_across_pages(run)] == [
        "2. Các cơ quan báo cáo kết quả trước ngày 15 hằng tháng./.", "Nơi nhận:", "- UBND tỉnh (để b/c);",
        "- UBND các xã, thị trấn;", "- Lưu: VT, TC-KH.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng"]
    # Prose that merely runs onto the next page is left in its order.
    prose = [line(57, 790, 100, "Một đoạn văn dài chạy hết dòng", 3), line(57, 400, 60, "và sang trang sau.", 4)]
    assert columns_across_pages(prose) == prose
