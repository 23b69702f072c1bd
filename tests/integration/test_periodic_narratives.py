"""The narrative sections: drafted once from the data, edited in the app with audit and versions, kept by exports."""
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from audit.models import LogEntry
from periodic import rules
from periodic.models import Narrative, PeriodicReport
from periodic.services import narratives
from tests import seeds as seed
from tests.factories import import_sample

DAY = "2023-05-25 09:00 +0700"
OUR_TEXT = ("Quý II, xã tập trung giải quyết hồ sơ đất đai tồn đọng.\n"
            "Công tác giải phóng mặt bằng tại xóm 3 còn chậm do 2 hộ chưa đồng thuận.")


@pytest.fixture
def report(plan, personas):
    seed.seed_may_2023(plan, personas["office"])
    with time_machine.travel(DAY, tick=False):
        return narratives.create_report(plan, "quarter-2", personas["office"]).report


def section(report, key) -> Narrative:
    return report.narratives.get(key=key)


def post(client, user, report, narrative, text, version):
    client.force_login(user)
    url = reverse("periodic_narrative_save", kwargs={"pk": report.pk, "narrative_pk": narrative.pk})
    with time_machine.travel(DAY, tick=False):
        return client.post(url, {"text": text, "version": version})


def export(client, user, report) -> list[str]:
    client.force_login(user)
    with time_machine.travel(DAY, tick=False):
        response = client.get(reverse("periodic_docx", kwargs={"pk": report.pk}))
    return [p.text for p in Document(BytesIO(response.getvalue())).paragraphs]


def test_sections_are_drafted_once_from_the_data(report):
    keys = list(report.narratives.values_list("key", flat=True))
    # One per part of the plan (I, II), then the four closing sections, in document order.
    assert keys == ["phan-I", "phan-II", rules.GENERAL, rules.SHORTCOMINGS, rules.NEXT, rules.PROPOSALS]
    assert section(report, rules.NEXT).title == "Nhiệm vụ, giải pháp trọng tâm quý III năm 2023"
    general = section(report, rules.GENERAL).text
    assert general.startswith("Tổng số 69 nhiệm vụ được phân công;")
    # Three indicators have values: II.10 green, IV.4 amber (95 against 98, within 10%), II.8 red.
    assert ("Về chỉ tiêu: 3/46 chỉ tiêu đã có số liệu; 1 chỉ tiêu đạt hoặc đúng tiến độ, 1 chỉ tiêu chậm nhưng còn "
            "khắc phục được, 1 chỉ tiêu có nguy cơ không đạt.") in general
    assert seed.LAND_OBSTACLE in section(report, rules.SHORTCOMINGS).text
    proposals = section(report, rules.PROPOSALS).text
    assert seed.LAND_PROPOSAL in proposals and seed.ECONOMY_PROPOSAL in proposals
    assert LogEntry.objects.filter(action="periodic_report.created", object_id=str(report.pk)).count() == 1


def test_an_edit_is_saved_audited_and_kept_by_every_export(client, personas, report, plan):
    general = section(report, rules.GENERAL)
    drafted = general.text
    response = post(client, personas["chairman"], report, general, OUR_TEXT, 1)
    assert response.status_code == 302 and response["Location"].endswith(f"#{rules.GENERAL}")
    general.refresh_from_db()
    assert (general.text, general.version, general.updated_by) == (OUR_TEXT, 2, personas["chairman"])
    entry = LogEntry.objects.get(action="periodic_report.narrative_saved")
    assert entry.changes == {"text": [drafted, OUR_TEXT]} and entry.actor == personas["chairman"]
    assert entry.commune_id == plan.commune_id and entry.data["section"] == general.title
    for _ in range(2):  # exported twice: the edit stays, the drafted text does not come back
        found = export(client, personas["office"], report)
        assert OUR_TEXT.split("\n") == found[found.index("1. Đánh giá chung: kết quả đạt được") + 1:][:2]
        assert "Về chỉ tiêu: 3/46" not in "\n".join(found)
    again = narratives.create_report(plan, "quarter-2", personas["office"])
    assert not again.created and section(again.report, rules.GENERAL).text == OUR_TEXT


def test_the_edit_survives_a_new_version_of_the_plan(client, personas, report, plan, commune):
    general = section(report, rules.GENERAL)
    narratives.save_narrative(general, 1, OUR_TEXT, personas["office"])
    plan.is_current = False
    plan.save(update_fields=["is_current"])
    import_sample(commune)  # the commune's plan of 2023 now in force is another record
    assert OUR_TEXT.split("\n")[0] in export(client, personas["office"], report)


def test_two_editors_never_overwrite_each_other_silently(client, personas, report):
    shortcomings = section(report, rules.SHORTCOMINGS)
    assert post(client, personas["office"], report, shortcomings, "Bản của Văn phòng", 1).status_code == 302
    late = post(client, personas["vice"], report, shortcomings, "Bản của Phó Chủ tịch", 1)
    assert late.status_code == 409
    page = late.content.decode()
    assert "vừa được vanphong lưu lúc" in page and "CHƯA được lưu" in page  # who saved, and that mine was not
    assert "Bản của Phó Chủ tịch</textarea>" in page  # what the second editor typed is still in the box
    assert 'name="version" value="2"' in page  # a second click saves over the version now shown, on purpose
    shortcomings.refresh_from_db()
    assert (shortcomings.text, shortcomings.version) == ("Bản của Văn phòng", 2)
    assert LogEntry.objects.filter(action="periodic_report.narrative_saved").count() == 1
    assert post(client, personas["vice"], report, shortcomings, "Bản của Phó Chủ tịch", 2).status_code == 302
    shortcomings.refresh_from_db()
    assert (shortcomings.text, shortcomings.version) == ("Bản của Phó Chủ tịch", 3)


def test_the_service_refuses_a_stale_version(personas, report):
    general = section(report, rules.GENERAL)
    narratives.save_narrative(general, 1, "Một", personas["office"])
    with pytest.raises(narratives.ConflictError) as refused:
        narratives.save_narrative(general, 1, "Hai", personas["chairman"])
    assert refused.value.current.text == "Một"


def test_bad_input_gets_a_vietnamese_message_naming_the_section(client, personas, report):
    general = section(report, rules.GENERAL)
    response = post(client, personas["office"], report, general, "x" * 20001, 1)
    assert response.status_code == 400
    assert f"Phần «{general.title}»" in response.content.decode()
    general.refresh_from_db()
    assert general.version == 1
    missing = post(client, personas["office"], report, general, "Không có phiên bản", "")
    assert missing.status_code == 400


def test_the_length_message_keeps_the_sections_own_commas(personas, report):
    # The counts carry the thousands dot (20.001), and the title is quoted as it is, comma included.
    shortcomings = section(report, rules.SHORTCOMINGS)
    with pytest.raises(narratives.NarrativeError) as refused:
        narratives.save_narrative(shortcomings, 1, "x" * 20001, personas["office"])
    assert str(refused.value) == ("Phần «Tồn tại, hạn chế và nguyên nhân» dài 20.001 ký tự, quá giới hạn 20.000 ký "
                                  "tự; hãy rút gọn.")


def test_saving_the_same_text_changes_nothing(personas, report):
    general = section(report, rules.GENERAL)
    narratives.save_narrative(general, 1, general.text, personas["office"])
    general.refresh_from_db()
    assert general.version == 1 and not LogEntry.objects.filter(action="periodic_report.narrative_saved").exists()


def test_an_unknown_kind_is_refused_in_vietnamese(plan, personas):
    with pytest.raises(narratives.NarrativeError, match="Loại báo cáo «week» không có"):
        narratives.create_report(plan, "week", personas["office"])
    assert not PeriodicReport.objects.exists()


@pytest.mark.parametrize("persona, read, write", [
    ("office", 200, 302), ("chairman", 200, 302), ("vice", 200, 302), ("viewer", 200, 403),
    ("owner", 403, 403), ("other_unit", 403, 403), ("outsider", 404, 404)])
def test_personas(client, personas, report, persona, read, write):
    client.force_login(personas[persona])
    with time_machine.travel(DAY, tick=False):
        assert client.get(reverse("periodic_detail", kwargs={"pk": report.pk})).status_code == read
    general = section(report, rules.GENERAL)
    assert post(client, personas[persona], report, general, f"Bản của {persona}", general.version).status_code \
        == write


def test_only_the_office_creates_and_another_communes_plan_is_not_found(client, personas, report, plan,
                                                                        other_commune):
    url = reverse("periodic_create", kwargs={"plan_pk": plan.pk})
    for persona, expected in (("chairman", 403), ("viewer", 403), ("owner", 403), ("outsider", 404)):
        client.force_login(personas[persona])
        assert client.post(url, {"kind": "year-1"}).status_code == expected, persona
    client.force_login(personas["office"])
    with time_machine.travel(DAY, tick=False):
        response = client.post(url, {"kind": "half-1"})
    created = PeriodicReport.objects.get(kind="half-1")
    assert response["Location"] == reverse("periodic_detail", kwargs={"pk": created.pk})
    assert created.narratives.count() == 6


def test_the_list_page_shows_each_kind_with_its_window(client, personas, report, plan):
    client.force_login(personas["viewer"])
    page = client.get(reverse("periodic_list", kwargs={"plan_pk": plan.pk})).content.decode()
    assert "Báo cáo quý II năm 2023" in page and "Báo cáo 9 tháng năm 2023" in page and "quý ii" not in page
    assert "Số liệu từ 15/03/2023 đến 14/06/2023" in page and "Số liệu từ 15/12/2022 đến 14/12/2023" in page
    assert reverse("periodic_detail", kwargs={"pk": report.pk}) in page
    assert "Lập báo cáo" not in page  # a viewer creates nothing
