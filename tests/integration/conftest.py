import pytest

from communes.services.directory import seed_directory
from tests.factories import import_sample, make_commune, make_personas


@pytest.fixture
def commune(db):
    commune = make_commune()
    seed_directory(commune)
    return commune


@pytest.fixture
def other_commune(db):
    other = make_commune(name="Hưng Bình", kind="phường")
    seed_directory(other)
    return other


@pytest.fixture
def plan(commune):
    return import_sample(commune)


@pytest.fixture
def personas(commune, other_commune):
    return make_personas(commune, other_commune)
