"""The office drafts the quarter report, rewrites a section, reloads and finds it, exports it; the page on a phone
and on paper."""
import pytest
from docx import Document

from tests import seeds as seed
from tests.factories import import_sample

pytestmark = pytest.mark.browser

OUR_TEXT = "Quý II, xã tập trung giải quyết hồ sơ đất đai tồn đọng; 35 hồ sơ đã được giải quyết trong tháng 5."
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_office_edits_a_section_reloads_finds_it_and_exports(people, login, live_server):
    plan = import_sample(people["office"].commune)
    seed.seed_may_2023(plan, people["office"])
    page = login("vanphong")
    page.get_by_role("link", name="Báo cáo quý, năm").click()
    page.locator("#kind-quarter-2").get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/bao-cao-dinh-ky/*/")
    assert "Báo cáo quý II năm 2023" in page.inner_text("h1")
    drafted = page.input_value("#text-danh-gia-chung")
    assert drafted.startswith("Tổng số 69 nhiệm vụ được phân công")  # drafted from the data the first time

    page.fill("#text-danh-gia-chung", OUR_TEXT)
    page.locator("form[data-section=danh-gia-chung]").get_by_role("button", name="Lưu phần này").click()
    page.wait_for_url("**#danh-gia-chung")
    assert "Đã lưu phần «Đánh giá chung: kết quả đạt được»." in page.inner_text(".messages")
    page.reload()
    assert page.input_value("#text-danh-gia-chung") == OUR_TEXT

    with page.expect_download() as download_info:
        page.click("#export-docx")
    download = download_info.value
    assert download.suggested_filename == "bao-cao-ktxh-quy-2-2023.docx"
    assert OUR_TEXT in [p.text for p in Document(str(download.path())).paragraphs]

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate(SIDEWAYS) <= 0  # no sideways scrolling on a phone: tables become cards
    page.emulate_media(media="print")
    assert page.locator("#danh-gia-chung .print-only").inner_text().strip() == OUR_TEXT  # the saved text is printed
    assert not page.locator("#danh-gia-chung textarea").is_visible()  # the editor is not
    assert not page.locator("#exports").is_visible()
