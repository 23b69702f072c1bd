"""Services raise domain errors; the middleware turns them into the 404 and 403 pages."""
import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import path

from theodoi.errors import Forbidden, NotFound
from theodoi.urls import urlpatterns as site_urls


def _missing(request):
    raise NotFound("Không tìm thấy kế hoạch số 7.")


def _refused(request):
    raise Forbidden("Chỉ Văn phòng – Thống kê được nhập kế hoạch.")


def _fine(request):
    return HttpResponse("ok")


# The project's URLs too: the 404 and 403 pages link to them.
urlpatterns = [path("mat/", _missing), path("cam/", _refused), path("duoc/", _fine), *site_urls]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(("url", "status"), [("/mat/", 404), ("/cam/", 403), ("/duoc/", 200)])
def test_domain_errors_become_404_and_403(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if status != 200:
        assert "Traceback" not in response.content.decode()


def test_the_middleware_leaves_other_errors_alone():
    from theodoi.errors import DomainErrorMiddleware

    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("x")) is None
