"""The Chairman opens the year's evaluation, overrides one proposed level with a reason, and exports the sheet."""
from datetime import date

import pytest
from playwright.sync_api import expect

from communes.models import DirectoryEntry
from reports.models import Completion
from tests.factories import import_sample

pytestmark = pytest.mark.browser


def test_chairman_overrides_a_level_and_exports_the_proposal(page, people, login, live_server):
    plan = import_sample(people["chairman"].commune)
    land = DirectoryEntry.objects.get(commune=plan.commune, key="cc-dia-chinh")
    # One row done on time: the year (in the past) is judged; the other rows are overdue at its close.
    row = plan.nodes.get(code="II.3.1").assignments.get()
    Completion.objects.create(assignment=row, completed_on=date(2023, 6, 16))
    login("chutich")
    page.goto(f"{live_server.url}/danh-gia/")
    page.get_by_role("link", name="Năm 2023").click()
    title = "Đề xuất xếp loại chất lượng năm 2023 theo kết quả thực hiện Kế hoạch phát triển kinh tế - xã hội"
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    line = page.locator(f"tr#don-vi-{land.pk}")
    expect(line).to_contain_text("Không hoàn thành nhiệm vụ")
    line.get_by_role("link", name="Điều chỉnh mức").click()
    page.select_option("#id_level", "completed")
    page.fill("#id_reason", "Các dòng còn lại chờ thành phố phê duyệt giá đất")
    page.get_by_role("button", name="Lưu điều chỉnh").click()
    expect(page.locator(".messages")).to_contain_text("Đã điều chỉnh")
    expect(line).to_contain_text("đã điều chỉnh")
    expect(line).to_contain_text("chờ thành phố phê duyệt")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải phiếu đề xuất (DOCX)").click()
    assert download.value.suggested_filename == "de-xuat-xep-loai-2023.docx"
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải phiếu đề xuất (XLSX)").click()
    assert download.value.suggested_filename == "de-xuat-xep-loai-2023.xlsx"
