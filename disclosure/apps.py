"""Why this app is `disclosure`, not `public`: atpublic, which aiosmtpd (the test SMTP server) imports as `public`,
installs a top-level module of that name, and an app of the same name would shadow it."""
from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "Công khai kết quả thực hiện kế hoạch"
