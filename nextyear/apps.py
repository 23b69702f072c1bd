from django.apps import AppConfig


class NextyearConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "nextyear"
    verbose_name = "Dự thảo kế hoạch năm sau"

    def ready(self) -> None:
        # plans sits below reports: the task page learns a row's status at year end from here (year_links' registry).
        from plans.services.year_links import register_year_end_status

        from .queries import year_end_words

        register_year_end_status(year_end_words)
