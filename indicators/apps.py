from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Chỉ tiêu"

    def ready(self) -> None:
        # indicators reacts to plans through what plans owns (a signal, a field registry); plans never imports it.
        from plans.services.correction_fields import register
        from plans.signals import plan_rows_stored

        from .services.storing import TargetsField, store_indicators

        plan_rows_stored.connect(store_indicators, dispatch_uid="indicators-store-appendix")
        register("targets", TargetsField())
