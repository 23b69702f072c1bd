from django.apps import AppConfig


class ArisingConfig(AppConfig):
    name = "arising"
    verbose_name = "Nhiệm vụ phát sinh"
    default_auto_field = "django.db.models.BigAutoField"

    def carry_over(self, old, new) -> int:
        """Called by plans.services.carry_over through the app registry: plans never imports arising."""
        from .services.carry import carry_arising

        return carry_arising(old, new)
