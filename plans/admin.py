from django.contrib import admin

from .models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "commune", "year", "version", "is_current", "imported_at")
    list_filter = ("commune", "year")
    readonly_fields = ("checksum", "parsed", "imported_at", "imported_by")
