"""The province dashboard as a workbook: the same lines the page shows, one row per commune, through theodoi.exports."""
from openpyxl import Workbook
from openpyxl.styles import Font

from indicators import rules as colours
from reports.rules import status as st
from theodoi.exports import append, finish_table, heading_row, title_row, workbook_bytes
from theodoi.formatting import long_date

from .queries import COLOUR_ORDER, CommuneLine

HEADINGS = (["Hạng", "Xã/phường", "Thuộc", "Báo cáo phải gửi", "Đã gửi", "Gửi đúng hạn", "Tỷ lệ gửi báo cáo (%)",
             "Tỷ lệ đúng hạn (%)"] + [st.LABELS[code] for code in st.ORDER] + ["Tổng số nhiệm vụ"]
            + [f"Chỉ tiêu {colours.COLOUR_SHORT[c].lower()}" for c in COLOUR_ORDER])
WIDTHS = [9, 24, 20, 10, 9, 10, 11, 11, 12, 12, 12, 12, 10, 9, 9, 9, 9]
HEADER_ROW = 3


def _row(line: CommuneLine) -> list:
    rank = line.rank or ("" if not line.pk else "Chưa xếp hạng")
    return ([rank, line.full_name, line.area_name, line.expected, line.reported,
             line.on_time_reports, round(line.reporting_rate, 1), round(line.on_time_rate, 1)]
            + [n for _, n in line.by_status()] + [line.total_rows] + [n for _, n in line.by_colour()])


def workbook(context: dict) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Theo dõi xã, phường"
    area, period = context["area"], context["period"]
    title_row(sheet, 1, f"Tình hình thực hiện kế hoạch – {period.label} – {area}", WIDTHS, Font(b=True, sz=13))
    title_row(sheet, 2, f"Tình trạng nhiệm vụ tính đến {long_date(context['judged'])}. {context['rule']}", WIDTHS)
    heading_row(sheet, HEADER_ROW, HEADINGS, WIDTHS)
    for line in context["lines"]:
        append(sheet, _row(line))
    append(sheet, _row(context["totals"]))
    finish_table(sheet, HEADER_ROW, WIDTHS, frozen_column="C")
    return workbook_bytes(book)
