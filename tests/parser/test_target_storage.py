"""Storing and showing the targets of issue 10: a rank is kept and shown as a place, never as an amount."""
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from indicators.models import Target
from indicators.queries import describe_target
from plans.services.importer import import_plan
from tests.factories import make_commune

PROVINCE = Path(__file__).resolve().parent.parent / "fixtures" / "plans" / "ind-tinh-dem-chay.txt"


def shown(comparator, value=None, unit="", basis="", low=None, high=None, rank=None):
    return describe_target(SimpleNamespace(comparator=comparator, value=value, unit=unit, basis=basis, low=low,
                                           high=high, rank=rank))


def test_describe_rank_and_qualitative_targets():
    assert shown("achieve", rank=10) == "Nằm trong nhóm 10 dẫn đầu"
    assert shown("achieve") == "Đạt (định tính)"
    assert shown("range", unit="triệu lượt", low=Decimal("3.5"), high=Decimal("4")) == "từ 3,5 đến 4 triệu lượt"
    assert shown("≈", Decimal("850"), "doanh nghiệp") == "khoảng 850 doanh nghiệp"


@pytest.mark.django_db
def test_import_keeps_ranks_ranges_and_bases():
    plan = import_plan(make_commune(), PROVINCE.read_bytes(), PROVINCE.name).plan
    targets = {t.indicator.code: t for t in Target.objects.filter(indicator__plan=plan).select_related("indicator")
               if t.order == 1}
    pci = targets["II.14"]   # "(14) … (PCI) nằm trong Top 20."
    assert (pci.comparator, pci.value, pci.rank) == ("achieve", None, 20)
    poor = targets["II.8"]   # "(8) Tỷ lệ hộ nghèo giảm 1 - 1,5% so với đầu năm 2024."
    assert (poor.comparator, poor.low, poor.high, poor.basis) == ("range", Decimal("-1.5"), Decimal("-1"),
                                                                  "so với đầu năm 2024")
    assert targets["I.5"].unit == "nghìn tỷ đồng"
    assert describe_target(pci) == "Nằm trong nhóm 20 dẫn đầu"
