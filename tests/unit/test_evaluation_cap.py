"""The excellent cap of both decrees: at most 20% of those rated GOOD, in one body and one group of similar duties,
floor of the product because the text says "không vượt quá"; a documented outstanding achievement is outside it."""
import pytest

from evaluation.rules import decree_90_2020 as d90
from evaluation.rules import decree_335_2025 as d335
from evaluation.rules.common import COMPLETED, EXCELLENT, GOOD


def _plain(levels):
    return [(level, "") for level in levels]


@pytest.mark.parametrize("module", [d90, d335])
@pytest.mark.parametrize("levels, allowed, exceeded", [
    ([EXCELLENT] * 2 + [GOOD] * 10, 2, False),   # 20% of 10 Good = 2
    ([EXCELLENT] * 2 + [GOOD] * 9, 1, True),     # 20% of 9 = 1.8 → 1: just below 10 Good, two is one too many
    ([EXCELLENT] * 2 + [GOOD] * 11, 2, False),   # 2.2 → 2
    ([EXCELLENT] + [GOOD] * 5, 1, False),        # exactly 5 Good: 1 allowed
    ([EXCELLENT] + [GOOD] * 4, 0, True),         # 4 Good: 0.8 → 0
    ([EXCELLENT] + [GOOD] * 4 + [COMPLETED] * 10, 0, True),  # Completed is not in the base
])
def test_the_base_is_those_rated_good(module, levels, allowed, exceeded):
    cap = module.excellent_cap(_plain(levels))
    assert (cap.allowed, cap.exceeded) == (allowed, exceeded)
    assert cap.rated_good == levels.count(GOOD)  # not "good or better"


def test_a_documented_outstanding_achievement_is_outside_the_count():
    subjects = [(EXCELLENT, "Bằng khen của Chủ tịch UBND tỉnh số 1234/QĐ-UBND về thành tích đột xuất")] + \
        _plain([EXCELLENT] + [GOOD] * 5)
    cap = d90.excellent_cap(subjects)
    assert (cap.excellent, cap.exceptions, cap.allowed, cap.exceeded) == (1, 1, 1, False)
    # Without the document the same two excellent exceed the one allowed; nobody is demoted, the cap only warns.
    assert d90.excellent_cap(_plain([EXCELLENT] * 2 + [GOOD] * 5)).exceeded
