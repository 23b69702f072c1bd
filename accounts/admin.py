from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class TheodoiUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "role", "commune", "area", "is_active")
    list_filter = ("role", "commune", "area", "is_active")
    list_select_related = ("commune", "area")
    fieldsets = (*(UserAdmin.fieldsets or ()),
                 ("theodoi", {"fields": ("commune", "role", "position", "units", "area")}))
