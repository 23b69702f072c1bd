"""The report's files: the DOCX from the committed docxtpl template, the XLSX annex with every table.

Both come from one context (services.context.build), so the annex and the report never disagree on a figure.
"""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from theodoi import exports as xs

TEMPLATE = Path(__file__).resolve().parents[1] / "templates_docx" / "bao-cao-dinh-ky.docx"
HEADER_ROW = 4
TITLE_FONT = Font(bold=True, size=13)
# (sheet, title, columns as (heading, width, key)); widths fit an A4 landscape page at about 70%.
RESULTS = ("Kết quả", "Kết quả thực hiện nhiệm vụ theo phần, nhóm (báo cáo đã được duyệt)",
           (("Phần", 40, "part"), ("Nhóm nhiệm vụ", 50, "group"), ("Kết quả", 110, "line")))
INDICATORS = ("Chỉ tiêu", "Tình hình thực hiện các chỉ tiêu chủ yếu",
              (("Mã", 8, "code"), ("Chỉ tiêu", 40, "name"), ("Kế hoạch năm", 32, "target"),
               ("Thực hiện", 26, "value"), ("Tỷ lệ so với kế hoạch (%)", 12, "percent"),
               ("Đánh giá", 10, "colour_label"), ("Đơn vị chủ trì theo dõi", 22, "unit"),
               ("Giải trình (chỉ tiêu màu đỏ)", 45, "red_explanation")))
UNFINISHED = ("Chưa hoàn thành", "Các nhiệm vụ chưa hoàn thành tại ngày chốt số liệu",
              (("Mã", 9, "code"), ("Nhiệm vụ", 50, "title"), ("Đơn vị chủ trì", 22, "units"),
               ("Lãnh đạo chỉ đạo", 20, "leaders"), ("Tình trạng", 18, "status"), ("Thời hạn", 22, "due"),
               ("Số ngày quá hạn", 10, "days_overdue"), ("Lý do (khó khăn, vướng mắc)", 40, "reasons"),
               ("Đề xuất, kiến nghị", 40, "proposals")))
RECORD = ("Tình hình báo cáo", "Tình hình gửi báo cáo tháng của các đơn vị",
          (("Đơn vị", 45, "unit"), ("Phải báo cáo", 14, "due"), ("Gửi đúng hạn", 14, "on_time"),
           ("Gửi muộn", 14, "late"), ("Chưa gửi", 14, "missing")))
EVALUATION = ("Đánh giá", "Kết quả đánh giá, xếp loại", (("Nhóm", 25, "group"), ("Đơn vị, cá nhân", 50, "name"),
                                                         ("Mức xếp loại", 45, "level")))


def render_docx(context: dict) -> bytes:
    return xs.render_template(TEMPLATE, context)


def render_xlsx(context: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _sheet(book, RESULTS, context, _result_lines(context))
    _sheet(book, INDICATORS, context, [{**line, "red_explanation": line["explanation"] if line in context["reds"]
                                        else ""} for line in context["indicators"]])
    _sheet(book, UNFINISHED, context, context["unfinished"])
    _sheet(book, RECORD, context, context["record"], note=context["record_note"])
    if context["is_year_end"]:
        _sheet(book, EVALUATION, context, context["evaluation"])
    return xs.workbook_bytes(book)


def _result_lines(context: dict) -> list[dict]:
    return [{"part": part["title"], "group": group["title"], "line": line}
            for part in context["parts"] for group in part["groups"] for line in group["lines"]]


def _sheet(book, spec, context: dict, items: list[dict], note: str = "") -> None:
    """Rows 1-3: the title, the report this annex goes with, the data window and the day the statuses stand at;
    row 4 the headings; then one row each."""
    name, title, columns = spec
    sheet = book.create_sheet(name)
    widths = [width for _, width, _ in columns]
    xs.title_row(sheet, 1, f"{title} – {context['period_label']} – {context['committee']}", widths, TITLE_FONT)
    xs.title_row(sheet, 2, f"(Kèm theo Báo cáo số {context['number']} {context['date_text']} của "
                           f"{context['committee']})", widths)
    # Decree 09/2019 Art. 12: statuses stand at the cut-off, or on the day drafted when that comes first; say which.
    xs.title_row(sheet, 3, f"Số liệu từ {context['data_from']} đến {context['data_to']}; tình trạng các nhiệm vụ "
                           f"tính đến {context['cutoff']}. {note}".strip(), widths)
    xs.heading_row(sheet, HEADER_ROW, [heading for heading, _, _ in columns], widths)
    for item in items:
        xs.append(sheet, [item[key] for _, _, key in columns])
    xs.finish_table(sheet, HEADER_ROW, widths)
