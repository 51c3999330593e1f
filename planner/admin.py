from django.contrib import admin

from .models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "status", "starts_on", "ends_on", "updated_at"]
    list_filter = ["status", "organization"]
    search_fields = ["title"]
    list_select_related = ["organization"]
