"""The JSON feed of the public data, for the province's portal and for journalists, described by OpenAPI.

django-ninja rather than Django REST framework: the feed is three read-only GET operations with no login, no
writes and no browsable forms; ninja derives both the validation of what goes out and the OpenAPI document from the
type hints below, with no serializer classes, viewsets or routers to keep in step, and it ships Swagger UI's files
itself, so the documentation page loads nothing from a CDN (ninja is in INSTALLED_APPS for that reason).
Every answer comes from disclosure.queries, the same cached data the public pages show.
"""
from datetime import date
from typing import Literal

from django.urls import URLPattern, path
from django.views.generic import RedirectView
from ninja import Field, NinjaAPI, Schema
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger

from theodoi.errors import NotFound

from ..queries import pages as queries

NAMESPACE = "public_api"
api = NinjaAPI(
    title="Dữ liệu công khai về thực hiện kế hoạch phát triển kinh tế - xã hội",
    version="1",
    description=("Số liệu các xã/phường đã bật trang công khai, chỉ gồm các tháng Chủ tịch UBND đã công khai "
                 "(khoản 1 Điều 11 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15). Không cần đăng nhập; "
                 "không có dữ liệu cá nhân."),
    urls_namespace=NAMESPACE, docs_url="/tai-lieu/",
    # validatorUrl None: Swagger UI would otherwise fetch a badge from swagger.io, a request to another site.
    docs=Swagger(settings={"validatorUrl": None}),
)

Status = Literal["done_on_time", "done_late", "open_in_time", "open_overdue"]
Colour = Literal["green", "amber", "red", "grey"]


# ninja describes a response by its HTTP reason phrase («Not Found»); the documentation page shows ours instead.
NOT_FOUND = {"responses": {404: {"description": "Không có: xã/phường chưa bật trang công khai, hoặc tháng chưa công "
                                                "khai hay đã thôi công khai"}}}


class Error(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt")


class Counts(Schema):
    done_on_time: int = Field(description="Số dòng nhiệm vụ hoàn thành đúng hạn")
    done_late: int = Field(description="Số dòng hoàn thành quá hạn")
    open_in_time: int = Field(description="Số dòng chưa hoàn thành, trong hạn")
    open_overdue: int = Field(description="Số dòng chưa hoàn thành, quá hạn")
    total: int = Field(description="Tổng số dòng nhiệm vụ được phân công")
    reports_expected: int = Field(description="Số báo cáo tháng các đơn vị phải gửi")
    reports_on_time: int
    reports_late: int
    reports_missing: int


class CommuneOut(Schema):
    id: int
    name: str
    kind: str = Field(description="xã, phường hoặc thị trấn")
    label: str
    area: str = Field(description="Đơn vị hành chính cấp trên trực tiếp (tỉnh, hoặc huyện với kế hoạch đến 2025)")
    province: str
    url: str = Field(description="Đường dẫn trang công khai")


class ReleaseSummary(Schema):
    year: int
    month: int
    label: str
    released_on: date = Field(description="Ngày Chủ tịch công khai")
    counts: Counts
    url: str


class Row(Schema):
    task_code: str
    task_title: str
    solutions: str = Field(description="Các giải pháp của dòng, khi một nhiệm vụ có nhiều dòng")
    lead_units: list[str] = Field(description="Đơn vị chủ trì (cơ quan, chức danh; không phải tên người)")
    deadline: str = Field(description="Thời gian hoàn thành như kế hoạch ghi")
    status: Status = Field(description="Tình trạng 4 loại theo cách đếm của Văn phòng Chính phủ")
    status_label: str
    days_overdue: int
    note: str
    # Releases stored before this field existed have no origin: they read as plan rows, which they all were then.
    origin: str = Field("", description="Với nhiệm vụ phát sinh trong năm: văn bản giao nhiệm vụ (loại, số, ngày); "
                                        "rỗng với nhiệm vụ của kế hoạch")


class Group(Schema):
    part: str
    code: str
    title: str
    counts: dict[str, int]
    rows: list[Row]


class Indicator(Schema):
    code: str
    name: str
    group: str
    depth: int
    target: str = Field(description="Mục tiêu như phụ lục chỉ tiêu ghi")
    value: str | None = Field(description="Giá trị thực hiện mới nhất đến ngày chốt, số thập phân dấu chấm")
    value_text: str = Field(description="Giá trị viết kiểu Việt Nam (dấu phẩy thập phân)")
    value_period: str
    cumulative: bool
    progress_percent: int | None = Field(description="Giá trị so với mục tiêu, %; không có với mục tiêu «dưới»")
    attainment: str
    colour: Colour
    colour_label: str


class Plan(Schema):
    year: int
    number: str
    title: str
    issued_on: date | None


class Period(Schema):
    year: int
    month: int
    label: str
    data_from: date = Field(description="Số liệu từ ngày (Nghị định 09/2019/NĐ-CP)")
    data_to: date = Field(description="Ngày chốt số liệu")
    judged_on: date = Field(description="Ngày xác định tình trạng nhiệm vụ")


class Report(Schema):
    plan: Plan
    period: Period
    counts: Counts
    groups: list[Group]
    indicators: list[Indicator]


class CommuneFeed(Schema):
    commune: CommuneOut
    releases: list[ReleaseSummary]
    latest: Report | None = Field(description="Tháng mới nhất đã công khai")


class ReleaseFeed(Schema):
    commune: CommuneOut
    release: ReleaseSummary
    content: Report


@api.exception_handler(NotFound)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=404)


PATH_WORDS = {"commune_id": "mã xã/phường", "year": "năm", "month": "tháng"}


@api.exception_handler(ValidationError)
def not_a_number(request, exc):
    """/xa/abc: ninja's 422 lists pydantic's English; Django's <int:> converter answers a non-number in a path with a
    404, and so does the feed, with the documented {"detail": "…"} in Vietnamese (issue 12, item 4)."""
    names = sorted({PATH_WORDS.get(str(error["loc"][-1]), str(error["loc"][-1])) for error in exc.errors})
    return api.create_response(request, {"detail": f"Không có dữ liệu ở địa chỉ này: {', '.join(names)} phải là số "
                                                   "nguyên (ví dụ /cong-khai/api/xa/12/2023/5)."}, status=404)


@api.get("/xa", response=list[CommuneOut], url_name="public_feed_communes",
         summary="Các xã/phường có trang công khai")
def communes(request):
    return [commune for province in queries.index_page()["provinces"] for commune in province["communes"]]


@api.get("/xa/{commune_id}", response={200: CommuneFeed, 404: Error}, url_name="public_feed_commune",
         summary="Một xã/phường: các tháng đã công khai và số liệu tháng mới nhất", openapi_extra=NOT_FOUND)
def commune(request, commune_id: int):
    return queries.commune_page(commune_id)


@api.get("/xa/{commune_id}/{year}/{month}", response={200: ReleaseFeed, 404: Error}, url_name="public_feed_release",
         summary="Số liệu một tháng đã công khai", openapi_extra=NOT_FOUND)
def release(request, commune_id: int, year: int, month: int):
    return queries.release_page(commune_id, year, month)


def api_urls() -> tuple[list, str, str]:
    """ninja's URLs, with two changes. Its operations are csrf_exempt; these are GET only, so the exemption buys
    nothing and the project's rule "no view exempt from CSRF" stays whole. Its root URL only answers 404 (ninja
    needs it to compute paths): here it leads to the documentation page instead."""
    patterns, app_name, namespace = api.urls
    kept = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name == "api-root":
            pattern = path("", RedirectView.as_view(pattern_name=f"{NAMESPACE}:openapi-view"), name="api-root")
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "csrf_exempt", False):
            setattr(pattern.callback, "csrf_exempt", False)  # noqa: B010 (mypy: a function has no such field)
        kept.append(pattern)
    return kept, app_name, namespace
