from django.apps import AppConfig


class ArisingConfig(AppConfig):
    name = "arising"
    verbose_name = "Nhiệm vụ phát sinh"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Sent by plans.services.carry_over before rows are matched, so the copied PS rows are matched like the plan's.
        from plans.signals import plan_rows_carrying

        plan_rows_carrying.connect(_carry_arising, dispatch_uid="arising-carry-over")


def _carry_arising(sender, old, new, **kwargs) -> dict[str, int]:
    from .services.carry import carry_arising

    return {"arising_tasks": carry_arising(old, new)}
