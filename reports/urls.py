from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("ky/<int:period_pk>/don-vi/<int:unit_pk>/", views.report_open, name="report_open"),
    path("lap/don-vi/<int:unit_pk>/", views.report_start, name="report_start"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/duyet/", views.report_decide, name="report_decide"),
    path("<int:pk>/mo-lai/", views.report_reopen, name="report_reopen"),
    path("ky/<int:pk>/khoa/", views.period_lock, name="period_lock"),
    path("minh-chung/<int:pk>/", views.report_evidence, name="report_evidence"),
    path("", include("reports.urls_xlsx")),
    path("", include("reports.urls_chase")),
]
