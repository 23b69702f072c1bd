from django.contrib import admin

from .models import ArisingTask, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ("kind", "number", "issued_on", "issuer", "commune")
    list_filter = ("commune", "kind")
    # Tasks are added through the office's pages, with their audit record; the admin only shows them.
    readonly_fields = ("created_by", "created_at")


@admin.register(ArisingTask)
class ArisingTaskAdmin(admin.ModelAdmin):
    list_display = ("node", "source", "where", "created_at")
    readonly_fields = ("node", "source", "created_by", "created_at")
