"""A correction's words travel in its audit entry, so the history block (audit, below plans) shows them as logged."""
from types import SimpleNamespace

from audit.templatetags.audit import _row
from plans.services.correction_fields import logged_words

# The solutions cell of a Hưng Đông row as the office retypes it: "(1) … (2) …", numbers and texts kept apart.
BEFORE = [{"number": "(1)", "text": "Rà soát quỹ đất công"}]
AFTER = [{"number": "(1)", "text": "Rà soát quỹ đất công"}, {"number": "(2)", "text": "Lập hồ sơ đấu giá"}]


def test_a_solutions_correction_is_logged_in_words():
    assert logged_words("solutions", BEFORE, AFTER) == {
        "label": "Giải pháp", "before": "(1) Rà soát quỹ đất công",
        "after": "(1) Rà soát quỹ đất công (2) Lập hồ sơ đấu giá"}
    assert logged_words("solutions", None, AFTER)["before"] is None


def test_the_history_shows_the_words_the_entry_carries():
    words = {"label": "Giải pháp", "before": "(1) Rà soát quỹ đất công", "after": "(1) Lập hồ sơ đấu giá"}
    entry = SimpleNamespace(action="plan.row_corrected", content_type_id=None,
                            changes={"solutions": [BEFORE, AFTER]}, data={"words": {"solutions": words}})
    row = _row(entry)
    assert row["verb"] == "sửa dòng phân công"
    assert row["changes"] == [("Giải pháp", "(1) Rà soát quỹ đất công", "(1) Lập hồ sơ đấu giá")]


def test_an_entry_logged_before_words_shows_the_field_key_and_the_values_as_stored():
    # Output ("Sản phẩm") is plain text; logged before entries carried words, it is shown by its key, unchanged.
    entry = SimpleNamespace(action="plan.row_corrected", content_type_id=None,
                            changes={"output": ["Báo cáo", "Báo cáo kết quả rà soát"]}, data={"field": "output"})
    assert _row(entry)["changes"] == [("output", "Báo cáo", "Báo cáo kết quả rà soát")]
