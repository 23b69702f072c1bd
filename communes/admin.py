"""The directory is edited here for now; every save re-resolves the plan's printed names.

The Office–Statistics officer is staff so they can reach it, and sees and edits only their own
commune's entries: the admin is scoped through the same tenancy rule as every page. That rule (accounts.tenancy)
knows the roles, which live above communes, so it is handed in by the site's URL root where the admin is mounted
(scope_directory_admin); until then the admin shows no commune, failing closed.
"""
from collections.abc import Callable

from django.contrib import admin
from django.db.models import QuerySet

from .models import AdminArea, Alias, Commune, DirectoryEntry

CommunesFor = Callable[..., QuerySet[Commune]]


def _no_commune(user) -> QuerySet[Commune]:
    return Commune.objects.none()


_scope: dict[str, CommunesFor] = {"communes_for": _no_commune}


def scope_directory_admin(communes_for: CommunesFor) -> None:
    """Which communes a user may see (accounts.tenancy.communes_for), given once by theodoi.urls."""
    _scope["communes_for"] = communes_for


def communes_for(user) -> QuerySet[Commune]:
    return _scope["communes_for"](user)


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


@admin.register(AdminArea)
class AdminAreaAdmin(admin.ModelAdmin):
    """Provinces and former districts; bulk changes go through `import_areas` (one CSV of the official list)."""
    list_display = ("name", "kind", "code", "parent")
    list_filter = ("kind",)
    list_select_related = ("parent",)
    search_fields = ("name", "code")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "area", "code", "report_day")
    list_filter = ("kind", "area")
    list_select_related = ("area",)
    search_fields = ("name", "code")


class _ManagedByOffice:
    """Module, view and edit rights for whoever manages the plan, limited to their communes."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.can_manage_plan

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(_ManagedByOffice, admin.ModelAdmin):
    list_display = ("name", "category", "kind", "portfolio", "needs_review", "email")
    list_filter = ("category", "needs_review")
    search_fields = ("name", "key", "aliases__text")
    inlines = [AliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(commune__in=communes_for(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "commune":
            kwargs["queryset"] = communes_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
