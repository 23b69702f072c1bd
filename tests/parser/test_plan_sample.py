"""The sample plan of Hưng Đông, parsed end to end. Expected values are read off the document."""
import json

import pytest

from planparser.jsonout import dumps
from planparser.plan import parse_file
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def plan():
    return parse_file(str(SAMPLE))


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def by_code(plan):
    return {n["code"]: n for n in walk(plan["tasks"])}


def test_header_facts(plan):
    assert plan["issuer"] == "UBND xã Hưng Đông"
    assert plan["locality"] == {"name": "Hưng Đông", "kind": "xã", "level": "commune"}
    assert plan["number"] == "/KH-UBND"
    assert plan["issued_on"] == "2022-12-30"
    assert plan["year"] == 2023
    assert plan["title"] == "Kế hoạch Phát triển kinh tế - xã hội năm 2023"
    assert plan["signer"] == {"name": "Trần Anh Tấn", "title": "Chủ tịch"}
    assert plan["report_day"] == 20


def test_47_tasks_with_rows_in_12_groups(plan):
    tasks = [n for n in walk(plan["tasks"]) if n["rows"]]
    assert len(tasks) == 47
    groups = {code.rsplit(".", 1)[0] for code in (t["code"] for t in tasks)}
    assert sorted(groups) == sorted([f"I.{n}" for n in range(1, 8)] + [f"II.{n}" for n in range(1, 6)])
    assert [p["code"] for p in plan["tasks"]] == ["I", "II"]


def test_the_document_skips_II_4_4_and_group_I_6_has_an_unnumbered_task(plan):
    nodes = by_code(plan)
    assert "II.4.4" not in nodes and "II.4.5" in nodes
    group = nodes["I.6"]
    assert len(group["children"]) == 1
    task = group["children"][0]
    assert task["number"] is None
    assert task["title"].startswith("Chủ động các giải pháp, biện pháp nhằm ứng phó kịp thời")
    assert [s["number"] for s in task["rows"][0]["solutions"]] == ["(1)", "(2)"]


def test_II_5_4_title_is_joined_across_the_page_break(plan):
    task = by_code(plan)["II.5.4"]
    assert task["title"] == (
        "Đảm bảo an ninh chính trị, trật tự an toàn xã hội trên địa bàn. Bảo vệ an toàn tuyệt đối các sự kiện "
        "chính trị, nhất là trong dịp tổ chức Lễ kỷ niệm 60 năm thành lập thành phố Vinh, 235 năm Phụng Hoàng - "
        "Trung Đô Vinh, 15 năm đô thị loại 1, 70 năm thành lập xã Hưng Đông. Tiếp tục thực hiện có hiệu quả "
        "công tác phòng cháy chữa cháy."
    )
    # The page after the break carries a second assignment row with its own four solutions.
    assert [len(r["solutions"]) for r in task["rows"]] == [1, 4]


def test_I_4_4_row_split_by_a_page_break_is_one_row_with_all_its_solutions(plan):
    rows = by_code(plan)["I.4.4"]["rows"]
    assert len(rows) == 1
    numbers = [s["number"] for s in rows[0]["solutions"]]
    assert numbers == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", None]
    assert rows[0]["solutions"][4]["text"].startswith("Bố trí nguồn kinh phí kịp thời")
    assert [r["key"] for r in rows[0]["leaders"]] == ["chu-tich"]
    assert rows[0]["deadline"]["text"] == "Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình."


def test_I_7_1_third_solution_keeps_its_own_deadline_and_inherits_the_assignment(plan):
    first, second = by_code(plan)["I.7.1"]["rows"]
    assert second["solutions"] == [
        {"number": "(3)", "text": "Xử lý các trường hợp vi phạm theo đúng Quy chế làm việc UBND xã"}]
    assert second["deadline"]["text"] == "Năm 2023"
    assert second["deadline"]["due"] == "2023-12-31"
    assert [r["key"] for r in second["leaders"]] == [r["key"] for r in first["leaders"]] == ["chu-tich"]
    assert [r["key"] for r in second["lead_units"]] == ["van-phong-tk"]
    assert first["deadline"]["by_solution"]["(1)"]["due"] == "2023-03-31"


def test_I_4_1_row_shifted_left_is_classified_by_content(plan):
    rows = by_code(plan)["I.4.1"]["rows"]
    assert len(rows) == 3
    shifted = rows[1]
    assert shifted["solutions"][0]["number"] == "(2)"
    assert shifted["solutions"][0]["text"].startswith("Thực hiện đồng bộ các giải pháp đẩy nhanh giải ngân")
    assert [r["key"] for r in shifted["leaders"]] == ["chu-tich"]
    assert [r["text"] for r in shifted["lead_units"]] == ["Công chức Kế toán"]
    assert [r["text"] for r in shifted["coordinating_units"]] == ["Công chức Đô thị"]
    assert shifted["deadline"]["text"] == "Thường xuyên ưu tiên thực hiện trong năm 2023"


def test_solutions_lose_markup_debris(plan):
    text = json.dumps(plan["tasks"], ensure_ascii=False)
    for debris in ("<p>", "</p>", "<i>", "<ol", "**", "⁽"):
        assert debris not in text
    row = by_code(plan)["I.5.1"]["rows"][0]
    assert row["solutions"][2]["text"].endswith("tổ chức thực hiện phương án).")
    assert row["solutions"][-1] == {"number": None, "text": "Chủ động, linh hoạt điều tiết các nhiệm vụ phù hợp "
                                    "với tình hình điều kiện môi trường dịch bệnh để đạt được kết quả cao nhất."}


def test_every_reference_resolves_and_every_deadline_is_understood(plan):
    rows = [r for n in walk(plan["tasks"]) for r in n["rows"]]
    assert len(rows) == 69
    for row in rows:
        for field in ("leaders", "lead_units", "coordinating_units"):
            for ref in row[field]:
                assert not ref["key"].startswith("moi:"), ref
        assert row["deadline"]["kind"] != "unknown", row["deadline"]
        assert row["leaders"] and row["lead_units"], row


def test_multi_unit_cells_split(plan):
    nodes = by_code(plan)
    assert [r["key"] for r in nodes["I.1.2"]["rows"][0]["lead_units"]] == ["cc-do-thi", "cc-ke-toan"]
    assert [r["key"] for r in nodes["II.5.4"]["rows"][0]["lead_units"]] == ["cong-an", "quan-su"]
    assert [r["key"] for r in nodes["I.7.3"]["rows"][0]["lead_units"]] == ["cc-ke-toan", "van-phong-tk", "cong-an"]


def test_anomalies_of_the_task_table(plan):
    table = [(a["kind"], a["where"]) for a in plan["anomalies"] if a["kind"] in ("numbering", "count")]
    assert sorted(table) == [("count", "I"), ("numbering", "I.4.2"), ("numbering", "II.4")]
    messages = " ".join(a["message"] for a in plan["anomalies"])
    assert "thiếu 4.4" in messages
    assert "thiếu giải pháp (4)" in messages
    assert "06 nhiệm vụ trọng tâm" in messages and "7 nhóm" in messages
    assert not [a for a in plan["anomalies"] if a["kind"] in ("deadline", "directory")]


def test_json_has_the_contract_fields(plan):
    data = json.loads(dumps(plan))
    assert {"issuer", "locality", "number", "issued_on", "year", "title", "signer", "report_day", "tasks",
            "indicators", "anomalies"} <= data.keys()
    node = data["tasks"][0]["children"][0]["children"][0]
    assert {"code", "number", "title", "children", "rows"} <= node.keys()
    row = node["rows"][0]
    assert {"solutions", "leaders", "lead_units", "coordinating_units", "deadline", "output"} <= row.keys()
    assert {"text", "kind", "due", "milestones", "recurrence", "by_solution"} <= row["deadline"].keys()
    assert {"text", "key"} <= row["leaders"][0].keys()


def test_rows_printing_the_same_deadline_each_get_their_own():
    # The sample prints "Năm 2023" as the deadline of most rows; each row reads it as the whole year 2023,
    # and changing one row's deadline (as an importer may) leaves the others alone. (A plan of its own:
    # the module's plan is shared by the other tests.)
    plan = parse_file(str(SAMPLE))
    rows = [row for node in walk(plan["tasks"]) for row in node["rows"] if row["deadline"]["text"] == "Năm 2023"]
    assert len(rows) > 10
    assert all(row["deadline"]["kind"] == "date" and row["deadline"]["due"] == "2023-12-31" for row in rows)
    rows[0]["deadline"]["milestones"].append("2023-06-30")
    rows[0]["deadline"]["due"] = "2023-06-30"
    assert rows[1]["deadline"]["milestones"] == [] and rows[1]["deadline"]["due"] == "2023-12-31"
