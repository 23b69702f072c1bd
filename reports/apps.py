from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo tiến độ hằng tháng"

    def ready(self) -> None:
        # reports reacts to plans through the signal plans owns; plans never imports reports.
        from plans.signals import plan_replaced

        from .signals import on_plan_replaced

        plan_replaced.connect(on_plan_replaced, dispatch_uid="reports-carry-over")
