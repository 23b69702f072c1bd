from django.urls import path

from . import views_xlsx

urlpatterns = [
    path("<int:pk>/excel/", views_xlsx.report_xlsx_download, name="report_xlsx_download"),
    path("<int:pk>/excel/nhap/", views_xlsx.report_xlsx_upload, name="report_xlsx_upload"),
]
