from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Nhật ký thay đổi"

    def ready(self) -> None:
        from . import capture, context, db

        db.install()
        context.install_command_actor()
        capture.connect()
