"""The directory resolver: printed leader and unit names in the task table -> directory entries."""
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparser.directory import Directory, Entry
from planparser.textutil import fold, squash

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "ke-hoach-ktxh-2023-xa-hung-dong.txt"
COLUMNS = ("leader", "lead", "coordinating")
XA = Directory.default("xã")
PHUONG = Directory.default("phường")


def sample_cells() -> list[tuple[int, str, str]]:
    """(line number, column, text) of every leader / lead-unit / coordinating-unit cell in the sample table."""
    cells = []
    for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), start=1):
        if "\t" not in line or line.startswith("TT\tNHIỆM VỤ"):
            continue
        row = line.split("\t")
        # One row of task I.4.1 is shifted two cells to the left: its first cell is a "(2) …" solution.
        values = row[2:5] if row[0].startswith("(2)") else row[3:6]
        cells.extend((number, column, value) for column, value in zip(COLUMNS, values, strict=True))
    return cells


def keys(text: str, column: str, directory: Directory = XA) -> list[str]:
    refs, problems = directory.resolve_cell(text, column)
    assert problems == [], problems
    return [ref["key"] for ref in refs]


def test_the_sample_has_the_cells_we_expect():
    cells = sample_cells()
    assert len(cells) > 150
    assert (105, "leader", "Chủ tịch UBND xã") in cells  # the shifted row, read from the right cells
    assert any(text == "Phó Chủ tịch phụ trách kinh" for _, _, text in cells)


@pytest.mark.parametrize(("line", "column", "text"), [c for c in sample_cells() if c[2].strip()])
def test_every_sample_cell_resolves_without_problems(line, column, text):
    refs, problems = XA.resolve_cell(text, column)
    assert problems == []
    assert refs, f"dòng {line}: {text!r} không ra mục nào"
    assert all(not ref["key"].startswith("moi:") and XA.get(ref["key"]) for ref in refs)


def test_empty_cells_give_nothing():
    for column in COLUMNS:
        assert XA.resolve_cell("", column) == ([], [])
        assert XA.resolve_cell("   \t ", column) == ([], [])


EXPECTED = [
    # printed variants of one leader
    ("leader", "Phó Chủ tịch Kinh tế", ["pct-kinh-te"]),
    ("leader", "Phó Chủ tịch phụ trách kinh tế", ["pct-kinh-te"]),
    ("leader", "Phó Chủ tịch phụ trách Kinh tế", ["pct-kinh-te"]),
    ("leader", "Phó Chủ tịch phụ trách kinh", ["pct-kinh-te"]),  # truncated in print
    ("leader", "Phó Chủ tịch UBND phường (Kinh tế)", ["pct-kinh-te"]),
    ("leader", "Đ/c PCT phụ trách XDCB", ["pct-kinh-te"]),
    ("leader", "PCT phụ trách Văn hóa - xã hội", ["pct-van-hoa-xa-hoi"]),
    ("leader", "Đ/c Phó Chủ tịch phụ trách Văn hóa XH", ["pct-van-hoa-xa-hoi"]),
    ("leader", "Phó Chủ tịch Văn hóa - Xã hội", ["pct-van-hoa-xa-hoi"]),
    ("leader", "Phó Chủ tịch phụ trách Văn hóa", ["pct-van-hoa-xa-hoi"]),
    ("leader", "Phó CT Đô thị", ["pct-do-thi"]),
    ("leader", "Phó Chủ tịch phụ trách đô thị, đất đai", ["pct-do-thi"]),
    ("leader", "Chủ tịch UBND xã", ["chu-tich"]),
    ("leader", "Chủ tịch UBND Xã", ["chu-tich"]),
    ("leader", "Chủ tịch UBND", ["chu-tich"]),
    ("leader", "Chủ tịch", ["chu-tich"]),
    ("leader", "CT", ["chu-tich"]),
    ("leader", "Chủ tịch UBND TP", ["chu-tich"]),  # copy-paste slip for the commune chairman
    ("leader", "Chủ tịch UBND xã Hưng Đông", ["chu-tich"]),
    # several in one cell
    ("leader", "Phó Chủ tịch Đô thị; Kinh tế", ["pct-do-thi", "pct-kinh-te"]),
    ("leader", "Chủ tịch, Phó Chủ tịch Kinh tế", ["chu-tich", "pct-kinh-te"]),
    ("leader", "Chủ tịch, các Phó Chủ tịch UBND xã theo lĩnh vực được phân công", ["chu-tich", "cac-pct"]),
    ("leader", "CT, các PCT UBND xã", ["chu-tich", "cac-pct"]),
    ("leader", "Chủ tịch UBND TP, các Phó CT", ["chu-tich", "cac-pct"]),
    ("leader", "Phó Chủ tịch Kinh tế, Văn hóa", ["pct-kinh-te", "pct-van-hoa-xa-hoi"]),
    ("leader", "Lãnh đạo UBND xã", ["lanh-dao"]),
    ("leader", "các Phó Chủ tịch", ["cac-pct"]),
    ("leader", "các PCT", ["cac-pct"]),
    ("leader", "các Phó CT", ["cac-pct"]),
    # units
    ("lead", "Trạm y tế", ["tram-y-te"]),
    ("lead", "Trạm Y tế", ["tram-y-te"]),
    ("lead", "CBCC phụ trách kinh tế, nông nghiệp", ["cc-kinh-te"]),
    ("lead", "CB, Công chức phụ trách kinh tế, nông nghiệp", ["cc-kinh-te"]),
    ("lead", "CBCC phụ trách nông nghiệp", ["cc-kinh-te"]),
    ("lead", "Văn phòng-TK", ["van-phong-tk"]),
    ("lead", "Văn phòng – thống kê", ["van-phong-tk"]),
    ("lead", "Công chức Văn hóa", ["cc-van-hoa-xa-hoi"]),
    ("lead", "Công chức Văn hóa – XH", ["cc-van-hoa-xa-hoi"]),
    ("lead", "Công chức Văn hóa XH", ["cc-van-hoa-xa-hoi"]),
    ("lead", "Kế toán ngân sách xã", ["cc-ke-toan"]),
    ("lead", "Công chức Tư pháp", ["cc-tu-phap"]),
    ("lead", "Trưởng công an xã", ["cong-an"]),
    ("lead", "Ban Chỉ huy quân sự xã", ["quan-su"]),
    ("coordinating", "QTD", ["quy-tin-dung"]),
    ("coordinating", "MTTQ", ["mttq"]),
    ("coordinating", "đội QTĐT", ["doi-qtdt"]),
    ("lead", "Công chức Đô thị, Kế toán", ["cc-do-thi", "cc-ke-toan"]),
    ("lead", "Công an xã, Ban Chỉ huy quân sự Xã", ["cong-an", "quan-su"]),
    ("lead", "Kế toán Văn phòng-TK Trưởng công an xã theo chức năng, nhiệm vụ",
     ["cc-ke-toan", "van-phong-tk", "cong-an"]),
    ("lead", "Công chức Đô thị, địa chính chủ trì tham mưu theo chức năng, nhiệm vụ được giao",
     ["cc-do-thi", "cc-dia-chinh"]),
    ("lead", "Công chức Địa chính, Đô thị, Tư pháp thực hiện theo chức năng, nhiệm vụ",
     ["cc-dia-chinh", "cc-do-thi", "cc-tu-phap"]),
    ("lead", "Công chức Văn hóa, các trường học", ["cc-van-hoa-xa-hoi", "cac-truong-hoc"]),
    ("coordinating", "Công an xã, công chức Văn hóa", ["cong-an", "cc-van-hoa-xa-hoi"]),
    ("coordinating", "Công chức Kế toán, Đô thị, các HTX, các xóm", ["cc-ke-toan", "cc-do-thi", "cac-htx", "cac-xom"]),
    # group references
    ("coordinating", "các xóm", ["cac-xom"]),
    ("coordinating", "Các xóm dân cư", ["cac-xom"]),
    ("coordinating", "Các HTX, tổ hợp tác", ["cac-htx", "to-hop-tac"]),
    ("coordinating", "CBCC xã, UBMTTQ và các đoàn thể, các xóm", ["cac-cbcc", "mttq", "cac-doan-the", "cac-xom"]),
    ("coordinating", "CBCC xã, đội QTĐT, các xóm", ["cac-cbcc", "doi-qtdt", "cac-xom"]),
    ("coordinating", "Các cán bộ, công chức xã", ["cac-cbcc"]),
    ("coordinating", "CBCC xã", ["cac-cbcc"]),
    ("coordinating", "Các CBCC xã có liên quan", ["cac-cbcc"]),
    ("coordinating", "Các công chức xã có liên quan", ["cac-cbcc"]),
    ("lead", "Cán bộ, công chức xã theo chức năng,", ["cac-cbcc"]),
    ("lead", "Cán bộ, công chức có liên quan", ["cac-cbcc"]),
    ("coordinating", "Các CBCC có liên quan", ["cac-cbcc"]),
    ("lead", "Các CBCC, đơn vị đã được giao nhiệm vụ trong CT hành động", ["cac-cbcc", "cac-don-vi"]),
    ("coordinating", "Các CBCC, đơn vị liên quan", ["cac-cbcc", "cac-don-vi"]),
    ("coordinating", "Các đơn vị có liên quan", ["cac-don-vi"]),
    ("coordinating", "các đơn vị", ["cac-don-vi"]),
    ("coordinating", "Các ban ngành", ["cac-don-vi"]),
    ("coordinating", "CBCC xã có liên quan, các trường học, HTX, các xóm",
     ["cac-cbcc", "cac-truong-hoc", "cac-htx", "cac-xom"]),
    ("coordinating", "Các ban ngành, CBCC xã, các đơn vị, các xóm", ["cac-don-vi", "cac-cbcc", "cac-xom"]),
    ("coordinating", "Các trường học và Trạm Y tế", ["cac-truong-hoc", "tram-y-te"]),
]


@pytest.mark.parametrize(("column", "text", "expected"), EXPECTED)
def test_printed_cells_resolve_to_the_expected_entries(column, text, expected):
    assert keys(text, column) == expected


def test_ref_text_is_the_printed_piece_for_each_entry():
    refs, _ = XA.resolve_cell("Kế toán Văn phòng-TK Trưởng công an xã theo chức năng, nhiệm vụ", "lead")
    assert [r["text"] for r in refs] == ["Kế toán", "Văn phòng-TK", "Trưởng công an xã"]
    refs, _ = XA.resolve_cell("Đ/c Phó Chủ tịch phụ trách Văn hóa XH", "leader")
    assert refs == [{"text": "Phó Chủ tịch phụ trách Văn hóa XH", "key": "pct-van-hoa-xa-hoi"}]
    refs, _ = XA.resolve_cell("Phó Chủ tịch UBND phường (Kinh tế)", "leader")
    assert refs[0]["text"] == "Phó Chủ tịch UBND phường (Kinh tế)"
    refs, _ = XA.resolve_cell("Chủ tịch UBND TP, các Phó CT", "leader")
    assert [r["text"] for r in refs] == ["Chủ tịch UBND TP", "các Phó CT"]


def test_one_post_is_not_split_on_its_own_comma():
    refs, _ = XA.resolve_cell("CBCC phụ trách kinh tế, nông nghiệp", "lead")
    assert refs == [{"text": "CBCC phụ trách kinh tế, nông nghiệp", "key": "cc-kinh-te"}]


def test_the_same_word_means_a_leader_or_a_unit_by_column():
    assert keys("Phó Chủ tịch Đô thị", "leader") == ["pct-do-thi"]
    assert keys("Đô thị", "lead") == ["cc-do-thi"]
    assert keys("Kinh tế", "coordinating") == ["cc-kinh-te"]
    refs, problems = XA.resolve_cell("Đô thị", "leader")  # a bare portfolio with no leader before it
    assert refs[0]["key"].startswith("moi:") and len(problems) == 1
    refs, _ = XA.resolve_cell("Phó Chủ tịch Kinh tế", "lead")  # a leader is no unit
    assert refs[0]["key"].startswith("moi:")


def test_an_unknown_name_becomes_a_new_entry_for_review():
    refs, problems = XA.resolve_cell("Ban quản lý chợ Vinh", "lead")
    assert refs == [{"text": "Ban quản lý chợ Vinh", "key": "moi:ban-quan-ly-cho-vinh", "review": True}]
    assert problems == ["Không nhận ra «Ban quản lý chợ Vinh» trong cột Đơn vị chủ trì; "
                        "đã tạo đơn vị mới chờ rà soát."]


def test_a_cell_mixing_known_and_unknown_keeps_both():
    refs, problems = XA.resolve_cell("Công an xã, Ban quản lý chợ có liên quan, các xóm", "coordinating")
    assert [r["key"] for r in refs] == ["cong-an", "moi:ban-quan-ly-cho", "cac-xom"]
    assert refs[1] == {"text": "Ban quản lý chợ", "key": "moi:ban-quan-ly-cho", "review": True}
    assert len(problems) == 1 and "«Ban quản lý chợ»" in problems[0] and "Đơn vị phối hợp" in problems[0]


def test_an_unknown_leader_is_reported_in_the_leader_column():
    refs, problems = XA.resolve_cell("Bí thư Đảng ủy", "leader")
    assert refs[0]["review"] is True
    assert problems == ["Không nhận ra «Bí thư Đảng ủy» trong cột Phân công chỉ đạo; "
                        "đã tạo chức danh lãnh đạo mới chờ rà soát."]


@pytest.mark.parametrize(("column", "text"), [
    ("coordinating", "Công an TP"),  # the city's police, not ours
    ("lead", "Trạm thú y"),  # close to "Trạm y tế" in letters, another body
    ("leader", "Phó Chủ tịch"),  # which one?
    ("leader", "Phó Chủ tịch phụ trách"),  # a truncation shared by all vice chairmen
    ("lead", "Công chức Tư"),  # too short a truncation to trust
    ("lead", "Công chức Văn"),
    ("coordinating", "Xóm 5"),  # one hamlet is not all hamlets
    ("coordinating", "Hợp tác xã Nông nghiệp Hưng Đông"),  # one cooperative is not all of them
    ("leader", "Chủ tịch UBND huyện"),
])
def test_doubtful_names_stay_unresolved_rather_than_wrong(column, text):
    refs, problems = XA.resolve_cell(text, column)
    assert len(refs) == 1 and refs[0]["key"].startswith("moi:") and refs[0]["review"] is True
    assert len(problems) == 1


def test_truncations_and_typos_that_are_unambiguous_resolve():
    assert keys("Công chức Văn h", "lead") == ["cc-van-hoa-xa-hoi"]
    assert keys("Công chức Địa chính - Xây", "lead") == ["cc-do-thi"]
    assert keys("Cônh chức Tư pháp", "lead") == ["cc-tu-phap"]  # a typo folding cannot fix
    assert keys("Phó chủ tịch kinh tê", "leader") == ["pct-kinh-te"]
    assert keys("Công chức Tư pháp theo chức năng, nhiệm", "lead") == ["cc-tu-phap"]  # filler cut off


def test_a_ward_has_residential_groups_and_ward_names():
    assert PHUONG.get("cac-khoi") is not None and PHUONG.get("cac-xom") is None
    assert XA.get("cac-xom") is not None and XA.get("cac-khoi") is None
    assert PHUONG.get("cong-an").name == "Công an phường"
    assert XA.get("quan-su").name == "Ban Chỉ huy quân sự xã"
    assert Directory.default("thị trấn").get("tram-y-te").name == "Trạm Y tế thị trấn"
    assert keys("các khối", "coordinating", PHUONG) == ["cac-khoi"]
    assert keys("tổ dân phố", "coordinating", PHUONG) == ["cac-khoi"]
    assert keys("Công an phường, CBCC phường có liên quan", "coordinating", PHUONG) == ["cong-an", "cac-cbcc"]
    assert keys("Lãnh đạo UBND phường", "leader", PHUONG) == ["lanh-dao"]
    assert keys("Phó Chủ tịch UBND phường (Kinh tế)", "leader", PHUONG) == ["pct-kinh-te"]
    assert keys("Chủ tịch UBND phường, các PCT", "leader", PHUONG) == ["chu-tich", "cac-pct"]


def test_default_directory_has_the_posts_of_a_commune():
    for key in ("chu-tich", "pct-kinh-te", "pct-van-hoa-xa-hoi", "pct-do-thi", "van-phong-tk",
                "cc-dia-chinh", "cc-do-thi", "cc-ke-toan", "cc-tu-phap", "cc-van-hoa-xa-hoi", "cc-kinh-te",
                "cong-an", "quan-su", "tram-y-te", "mttq", "doi-qtdt", "quy-tin-dung", "cac-xom",
                "cac-truong-hoc", "cac-htx", "to-hop-tac", "cac-doan-the", "cac-cbcc", "cac-don-vi", "lanh-dao",
                "cac-pct"):
        assert XA.get(key) is not None, key
    assert XA.get("pct-do-thi").portfolio == "Đô thị"
    assert XA.get("pct-kinh-te").kind == "vice_chairman" and XA.get("chu-tich").kind == "chairman"
    assert XA.get("mttq").kind == "front" and XA.get("cac-doan-the").kind == "mass_org"
    assert XA.get("van-phong-tk").kind == "office" and XA.get("cc-ke-toan").kind == "official"
    assert XA.get("nothing") is None


@pytest.mark.parametrize("directory", [XA, PHUONG], ids=["xã", "phường"])
def test_every_default_name_and_alias_resolves_to_its_own_entry(directory):
    for entry in directory.entries():
        column = "leader" if entry.category == "position" or entry.kind in ("vice_chairman", "leader") else "lead"
        for printed in (entry.name, *entry.aliases):
            assert keys(printed, column, directory) == [entry.key], printed


def test_entry_values_and_entries_list():
    entry = XA.get("cc-dia-chinh")
    assert (entry.category, entry.kind) == ("unit", "official")
    with pytest.raises(FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]
    assert {e.category for e in XA.entries()} == {"position", "unit", "group"}
    XA.entries().clear()  # a copy: the directory keeps its own list
    assert XA.get("cc-dia-chinh") is entry and XA.entries()


def test_a_directory_built_from_database_rows():
    rows = [Entry("ct", "Chủ tịch UBND phường", "position", "chairman", ("Chủ tịch",)),
            Entry("ca", "Công an xã", "unit", "police"),
            Entry("bql-cho", "Ban quản lý chợ", "unit", "other", ("BQL chợ",))]
    directory = Directory(rows)
    assert keys("Công an phường, BQL chợ", "coordinating", directory) == ["ca", "bql-cho"]
    assert keys("Chủ tịch UBND phường", "leader", directory) == ["ct"]
    refs, problems = directory.resolve_cell("Trạm Y tế", "lead")
    assert refs[0]["key"] == "moi:tram-y-te" and problems


def test_the_locality_name_is_read_as_part_of_the_name_before_it():
    named = Directory.default("xã", locality_name="Hưng Đông")
    assert keys("Trường THCS Hưng Đông, Trạm Y tế Hưng Đông", "coordinating", named) == ["truong-thcs", "tram-y-te"]
    assert keys("Công an xã Hưng Đông", "lead", named) == ["cong-an"]
    assert keys("Công an xã Hưng Đông", "lead") == ["cong-an"]  # after "xã" a capitalised name is a place anyway
    refs, _ = XA.resolve_cell("Trường THCS Hưng Đông", "lead")  # without the name: a school we do not know
    assert refs[0]["key"].startswith("moi:")


def test_a_unit_keeps_an_alias_it_shares_with_a_group():
    rows = [*Directory.default().entries(), Entry("htx-nn", "HTX Nông nghiệp Hưng Đông", "unit", "cooperative")]
    directory = Directory(rows, locality_name="Hưng Đông")
    assert keys("HTX Nông nghiệp Hưng Đông, các HTX", "coordinating", directory) == ["htx-nn", "cac-htx"]
    assert keys("HTX Nông nghiệp", "coordinating", directory) == ["htx-nn"]
    assert keys("HTX Nông nghiệp", "coordinating") == ["cac-htx"]


def test_bad_input_to_the_constructor_and_columns_is_refused():
    with pytest.raises(ValueError):
        Directory([Entry("a", "A", "unit", "other"), Entry("a", "B", "unit", "other")])
    with pytest.raises(ValueError):
        XA.resolve_cell("Công an xã", "deadline")


def test_two_entries_sharing_an_alias_match_neither():
    directory = Directory([Entry("a", "Tổ công tác A", "unit", "other", ("Tổ công tác",)),
                           Entry("b", "Tổ công tác B", "unit", "other", ("Tổ công tác",))])
    refs, problems = directory.resolve_cell("Tổ công tác", "lead")
    assert refs[0]["key"].startswith("moi:") and problems
    assert keys("Tổ công tác B", "lead", directory) == ["b"]


def check_invariants(text: str, column: str, directory: Directory = XA) -> list[dict]:
    refs, problems = directory.resolve_cell(text, column)
    cell = squash(text)
    assert all(ref["text"] and ref["text"] in cell for ref in refs)
    assert len({ref["key"] for ref in refs}) == len(refs)
    for ref in refs:
        assert ref.get("review", False) == ref["key"].startswith("moi:")
        assert ref["key"].startswith("moi:") or directory.get(ref["key"]) is not None
    assert len(problems) == sum(1 for ref in refs if ref.get("review"))
    return refs


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120), st.sampled_from(COLUMNS), st.sampled_from([XA, PHUONG]))
def test_any_text_resolves_without_raising(text, column, directory):
    check_invariants(text, column, directory)


KNOWN = ["Công chức Đô thị", "Kế toán", "Trạm Y tế", "các xóm", "CBCC xã", "Phó Chủ tịch Kinh tế", "Chủ tịch",
         "UBMTTQ", "Công an xã", "Văn phòng-TK", "CT", "các PCT", "Đ/c", "UBND xã", "Xã", "theo chức năng",
         "có liên quan", "chủ trì tham mưu", "(", ")", "-", "phụ trách"]
# Made of letters Vietnamese words never use, so it cannot be an alias, a filler or a typo of one. Lower case,
# because a capitalised word after "xã" is read as the place's name ("Công an xã Hưng Đông"), which is no unit.
NONSENSE = st.text(alphabet="fjwz", min_size=2, max_size=6)
SEPARATORS = [", ", "; ", " ", " và ", "/", " - ", " + "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KNOWN), NONSENSE), min_size=1, max_size=8),
       st.lists(st.sampled_from(SEPARATORS), min_size=8, max_size=8), st.sampled_from(COLUMNS))
def test_no_printed_name_is_ever_lost(pieces, separators, column):
    text = "".join(piece + separator for piece, separator in zip(pieces, separators, strict=False))
    refs = check_invariants(text, column)
    printed = " ".join(fold(ref["text"]) for ref in refs)
    for piece in pieces:
        if set(piece) <= set("fjwz"):
            assert fold(piece) in printed, (text, refs)
