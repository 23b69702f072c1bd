from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = "Bảng điều hành và báo cáo tổng hợp"
