from django.contrib import admin

from .models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "commune", "year", "version", "is_current", "withdrawn_at", "imported_at")
    list_filter = ("commune", "year")
    # "Current" and withdrawal follow one rule (services/versions.py) with its audit record; the admin only shows them.
    readonly_fields = ("checksum", "parsed", "imported_at", "imported_by", "is_current", "withdrawn_at", "withdrawn_by",
                       "withdrawal_reason")
