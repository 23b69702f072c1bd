"""The directory is edited here for now; every save re-resolves the plan's printed names."""
from django.contrib import admin

from .models import Alias, Commune, DirectoryEntry


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent_city", "report_day")


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "kind", "portfolio", "needs_review", "commune")
    list_filter = ("commune", "category", "needs_review")
    search_fields = ("name", "key", "aliases__text")
    inlines = [AliasInline]
