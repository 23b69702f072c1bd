from django.apps import AppConfig


class CommunesConfig(AppConfig):
    name = "communes"
    verbose_name = "Xã/phường và danh bạ"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (announce directory edits once committed)
