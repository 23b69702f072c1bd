"""Each anomaly links to the place on the plan page where a person can see it."""
import pytest

from plans.templatetags.plan_tags import anomaly_anchor


@pytest.mark.parametrize("where, anchor", [
    ("I.7.1 (dòng 131)", "I.7.1"),
    ("II.4", "II.4"),
    ("Phụ lục I, I.4.2", "chi-tieu-I.4"),
    ("Phụ lục I", "chi-tieu"),
    # Issue 10: the header and the signature block are read into the page's heading line.
    ("Phần đầu văn bản", "thong-tin-van-ban"),
    ("Chữ ký cuối văn bản", "thong-tin-van-ban"),
    ("", "cay-nhiem-vu"),
])
def test_anomaly_anchor(where, anchor):
    assert anomaly_anchor(where) == anchor


def test_a_conclusion_notices_anomaly_kind_is_named_in_vietnamese():
    from plans.templatetags.plan_tags import anomaly_kind

    assert anomaly_kind("notice") == "Thông báo kết luận"
