from django.apps import AppConfig


class ProvincesConfig(AppConfig):
    name = "provinces"
    verbose_name = "Theo dõi cấp tỉnh"
