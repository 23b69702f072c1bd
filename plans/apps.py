from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Kế hoạch"

    def ready(self) -> None:
        # plans reacts to communes through the signal communes owns; communes never imports plans.
        from communes.signals import directory_changed

        from .signals import on_directory_changed

        directory_changed.connect(on_directory_changed, dispatch_uid="plans-reresolve-refs")
