from django.contrib import admin

from .models import Indicator, IndicatorValue, Target, ValueEntry


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "plan", "lead_unit")
    list_filter = ("plan__commune",)
    list_select_related = ("plan", "lead_unit")
    search_fields = ("code", "name")
    inlines = [TargetInline]

    def get_queryset(self, request):
        # The plan is named in the list; its stored parse (Plan.parsed) is not.
        return super().get_queryset(request).defer("plan__parsed")


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ("indicator", "period_kind", "period_year", "period_number", "value", "met", "entered_by")
    list_filter = ("period_kind", "period_year")


@admin.register(ValueEntry)
class ValueEntryAdmin(admin.ModelAdmin):
    list_display = ("indicator", "period_kind", "period_number", "value", "colour", "entered_by", "entered_at")
    readonly_fields = [f.name for f in ValueEntry._meta.fields]
