from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from accounts.tenancy import communes_for
from communes.admin import scope_directory_admin

urlpatterns = [
    path("", include("plans.urls")),
    path("", include("accounts.urls")),
    path("chi-tieu/", include("indicators.urls")),
    path("bao-cao/", include("reports.urls")),
    path("dieu-hanh/", include("dashboard.urls")),
    path("danh-gia/", include("evaluation.urls")),
    path("phat-sinh/", include("arising.urls")),
    path("ke-hoach-nam-sau/", include("nextyear.urls")),
    path("bao-cao-dinh-ky/", include("periodic.urls")),
    path("don-vi-hanh-chinh/", include("communes.urls")),
    path("cong-khai/", include("disclosure.urls")),
    path("tinh/", include("provinces.urls")),
    path("quan-tri/", admin.site.urls),
    # Browsers ask for /favicon.ico on any page that names none (the admin, a downloaded file's tab). Unnamed: it is
    # a file, not a view, so the access matrices do not list it.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.ico"), permanent=True)),
]

# communes sits below accounts, so its admin is handed the tenancy rule here, where the admin is mounted.
scope_directory_admin(communes_for)
admin.site.site_header = "theodoi – quản trị"
admin.site.site_title = "theodoi"
admin.site.index_title = "Quản trị dữ liệu"

if settings.DEBUG:
    from django.conf.urls.static import static as media_files

    urlpatterns += media_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
