from django.urls import path

from .views import chase, cycle, xlsx

urlpatterns = [
    path("", cycle.report_index, name="report_index"),
    path("ky/<int:period_pk>/don-vi/<int:unit_pk>/", cycle.report_open, name="report_open"),
    path("lap/don-vi/<int:unit_pk>/", cycle.report_start, name="report_start"),
    path("<int:pk>/", cycle.report_detail, name="report_detail"),
    path("<int:pk>/duyet/", cycle.report_decide, name="report_decide"),
    path("<int:pk>/mo-lai/", cycle.report_reopen, name="report_reopen"),
    path("ky/<int:pk>/khoa/", cycle.period_lock, name="period_lock"),
    path("minh-chung/<int:pk>/", cycle.report_evidence, name="report_evidence"),
    path("<int:pk>/excel/", xlsx.report_xlsx_download, name="report_xlsx_download"),
    path("<int:pk>/excel/nhap/", xlsx.report_xlsx_upload, name="report_xlsx_upload"),
    path("don-doc/", chase.chase_list, name="chase_list"),
    path("don-doc/cong-van.docx", chase.reminder_letter, name="reminder_letter"),
]
