from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dong/", views.dashboard_rows, name="dashboard_rows"),
    path("bao-cao/<int:pk>.docx", views.monthly_report_docx, name="monthly_report_docx"),
    path("bao-cao/<int:pk>.xlsx", views.monthly_report_xlsx, name="monthly_report_xlsx"),
]
