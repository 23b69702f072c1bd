from django.contrib import admin

from .models import Correction, Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "commune", "year", "version", "is_current", "withdrawn_at", "imported_at")
    list_filter = ("commune", "year")
    # "Current" and withdrawal follow one rule (services/versions.py) with its audit record; the admin only shows them.
    readonly_fields = ("checksum", "parsed", "imported_at", "imported_by", "is_current", "withdrawn_at", "withdrawn_by",
                       "withdrawal_reason")

    def get_queryset(self, request):
        # The list never shows the parse; the change page reads it lazily, one query for the one plan it shows.
        return super().get_queryset(request).defer("parsed")


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """Shown only: a correction is made on the plan's pages, with its reading, reason and audit record."""
    list_display = ("code", "row_order", "field", "status", "plan", "created_by", "created_at")
    list_filter = ("status", "field")
    list_select_related = ("plan", "created_by")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("plan__parsed")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
