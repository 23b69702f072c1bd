import pytest

from communes.services.directory import seed_directory
from tests.factories import PASSWORD, make_commune, make_personas


@pytest.fixture
def people(transactional_db):
    commune = make_commune()
    seed_directory(commune)
    other = make_commune(name="Hưng Bình", kind="phường")
    seed_directory(other)
    return make_personas(commune, other)


@pytest.fixture
def login(page, live_server):
    def _login(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        return page
    return _login
