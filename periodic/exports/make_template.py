"""Writes periodic/templates_docx/bao-cao-dinh-ky.docx, the docxtpl template of the quarterly to year-end report.

Run once (`.venv/bin/python -m periodic.exports.make_template`) and commit the result; the office may then restyle
the .docx in Word as long as the {{ … }} and {%p … %} / {%tr … %} tags stay intact. Re-running never overwrites it:
a new build goes beside it as bao-cao-dinh-ky-moi.docx (theodoi.exports.save_new).
The page, letterhead, title and signature are the monthly report's (dashboard.exports.make_template, after Decree
30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New Roman 14, page number at the top from page 2); the body
follows the communes' own year-end reports: A. results (tasks by part, indicators, unfinished tasks, reporting,
evaluation at year end, overall assessment), B. the next period's tasks and the proposals.
"""
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT

from dashboard.exports import make_template as base
from theodoi.exports import save_new

TARGET = Path(__file__).resolve().parents[1] / "templates_docx" / "bao-cao-dinh-ky.docx"
# Widths in mm, each table 165 mm: the text width of A4 between Decree 30's margins.
INDICATOR_TABLE = (("Mã", 12, "i.code"), ("Chỉ tiêu", 42, "i.name"), ("Kế hoạch năm", 36, "i.target"),
                   ("Thực hiện", 33, "i.value"), ("Tỷ lệ so với kế hoạch (%)", 18, "i.percent"),
                   ("Đánh giá", 24, "i.colour_label"))
UNFINISHED_TABLE = (("Mã", 14, "u.code"), ("Nhiệm vụ", 52, "u.title"), ("Đơn vị chủ trì", 30, "u.units"),
                    ("Tình trạng, thời hạn", 31, "u.state"), ("Lý do, đề xuất của đơn vị", 38, "u.notes"))
RECORD_TABLE = (("Đơn vị", 65, "r.unit"), ("Phải báo cáo", 25, "r.due"), ("Đúng hạn", 25, "r.on_time"),
                ("Muộn", 25, "r.late"), ("Chưa gửi", 25, "r.missing"))
EVALUATION_TABLE = (("Nhóm", 35, "e.group"), ("Đơn vị, cá nhân", 75, "e.name"), ("Mức xếp loại", 55, "e.level"))


def grid(doc, columns, item: str, items: str) -> None:
    """A bordered table: a heading row, then one row per item (docxtpl's {%tr %} rows around the row)."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, (head, _width, value) in enumerate(columns):
        for row, (text, bold) in enumerate(((head, True), ("", False), ("{{ " + value + " }}", False), ("", False))):
            base.cell_lines(table.rows[row].cells[column], [(text, bold, False)], size=12,
                            align=base.CENTER if row == 0 else base.LEFT)
    base.set_widths(table, [width for _, width, _ in columns])
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {item} in {items} %}}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def narrative(doc, section: str) -> None:
    base.loop(doc, f"{{%p for text in {section}.paragraphs %}}", "{{ text }}")


def opening(doc) -> None:
    base.para(doc, "Thực hiện {{ plan_citation }}, {{ committee }} báo cáo tình hình thực hiện {{ period_label }} "
              "(số liệu từ {{ data_from }} đến {{ data_to }}) và phương hướng, nhiệm vụ thời gian tới như sau:")
    base.para(doc, "Số liệu tính đến {{ cutoff }}; tình trạng các nhiệm vụ được xác định tại ngày này.", italic=True)
    base.para(doc, "A. KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {{ span_upper }}", bold=True,
              align=base.CENTER)


def section_tasks(doc) -> None:
    base.para(doc, "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold=True)
    base.para(doc, "{{ summary }}")
    base.para(doc, "{%p for part in parts %}", before=0)
    base.para(doc, "{{ part.title }}", bold=True)
    narrative(doc, "part")
    base.para(doc, "{%p if part.groups %}", before=0)
    base.para(doc, "Kết quả cụ thể theo báo cáo của các đơn vị đã được duyệt:", italic=True)
    base.para(doc, "{%p for group in part.groups %}", before=0)
    base.para(doc, "{{ group.title }}", bold=True, italic=True)
    base.loop(doc, "{%p for line in group.lines %}", "- {{ line }}")
    base.para(doc, "{%p endfor %}", before=0)
    base.para(doc, "{%p else %}", before=0)
    base.para(doc, "Chưa có báo cáo được duyệt trong kỳ về các nhiệm vụ của phần này.", italic=True)
    base.para(doc, "{%p endif %}", before=0)
    base.para(doc, "{%p endfor %}", before=0)


def section_indicators(doc) -> None:
    base.para(doc, "II. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", bold=True)
    grid(doc, INDICATOR_TABLE, "i", "indicators")
    base.para(doc, "Giải trình các chỉ tiêu có nguy cơ không đạt (màu đỏ), theo đơn vị chủ trì theo dõi:", italic=True)
    base.para(doc, "{%p for r in reds %}", before=0)
    base.para(doc, "- {{ r.code }} {{ r.name }} ({{ r.unit }}): {{ r.explanation }}")
    base.para(doc, "{%p else %}", before=0)
    base.para(doc, "{{ reds_none }}")
    base.para(doc, "{%p endfor %}", before=0)


def section_unfinished(doc) -> None:
    base.para(doc, "III. CÁC NHIỆM VỤ CHƯA HOÀN THÀNH", bold=True)
    base.para(doc, "{{ unfinished_count }}")
    base.para(doc, "{%p if unfinished %}", before=0)
    grid(doc, UNFINISHED_TABLE, "u", "unfinished")
    base.para(doc, "{%p endif %}", before=0)


def section_record(doc) -> None:
    base.para(doc, "IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", bold=True)
    base.para(doc, "{{ record_note }}")
    base.para(doc, "{%p if record %}", before=0)
    grid(doc, RECORD_TABLE, "r", "record")
    base.para(doc, "{%p endif %}", before=0)


def section_evaluation(doc) -> None:
    base.para(doc, "{%p if is_year_end %}", before=0)
    base.para(doc, "V. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", bold=True)
    base.loop(doc, "{%p for line in evaluation_counts %}", "- {{ line }}")
    grid(doc, EVALUATION_TABLE, "e", "evaluation")
    base.para(doc, "{%p endif %}", before=0)


def section_assessment(doc) -> None:
    base.para(doc, "{{ general_roman }}. ĐÁNH GIÁ CHUNG", bold=True)
    base.para(doc, "1. {{ closing['danh-gia-chung'].title }}", bold=True, italic=True)
    narrative(doc, "closing['danh-gia-chung']")
    base.para(doc, "2. {{ closing['ton-tai-han-che'].title }}", bold=True, italic=True)
    narrative(doc, "closing['ton-tai-han-che']")


def section_next(doc) -> None:
    base.para(doc, "B. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_upper }}", bold=True, align=base.CENTER)
    base.para(doc, "I. {{ closing['nhiem-vu-tiep-theo'].title|upper }}", bold=True)
    narrative(doc, "closing['nhiem-vu-tiep-theo']")
    base.para(doc, "II. {{ closing['de-xuat'].title|upper }}", bold=True)
    narrative(doc, "closing['de-xuat']")
    base.para(doc, "Trên đây là báo cáo tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội {{ period_label }} "
              "của {{ committee }}./.")


def build(target: Path = TARGET) -> Path:
    """Where the new template went: `target` if it was missing, else a new name beside the office's copy."""
    doc = base.new_template()
    base.letterhead(doc)
    base.title(doc)
    opening(doc)
    for section in (section_tasks, section_indicators, section_unfinished, section_record, section_evaluation,
                    section_assessment, section_next):
        section(doc)
    base.para(doc, before=0).paragraph_format.keep_with_next = True
    base.signature(doc)
    return save_new(doc, target)


if __name__ == "__main__":
    print(build())
