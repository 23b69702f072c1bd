"""The rule set is chosen by the evaluation year: Decree 90/2020 (with 48/2023) up to 2025, Decree 335/2025 after."""
from types import ModuleType

from . import decree_90_2020, decree_335_2025

FIRST_YEAR_OF_335 = 2026


def for_year(year: int) -> ModuleType:
    return decree_335_2025 if year >= FIRST_YEAR_OF_335 else decree_90_2020
