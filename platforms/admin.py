from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Channel,
    ImageFormat,
    Platform,
    PlatformBrief,
    PlatformChoice,
    PlatformFigure,
    PlatformNote,
    SourceImage,
)


class PlatformFigureInline(admin.TabularInline):
    model = PlatformFigure
    extra = 0


class ImageFormatInline(admin.TabularInline):
    model = ImageFormat
    extra = 0


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    """Site staff keep the catalogue current: demographic data ages."""

    list_display = [
        "name",
        "code",
        "age_min",
        "age_max",
        "min_account_age",
        "source_year",
        "is_active",
    ]
    list_filter = ["is_active", "source_year"]
    search_fields = ["name", "code"]
    fieldsets = [
        (None, {"fields": ["code", "name", "position", "is_active"]}),
        (
            _("Audience"),
            {"fields": ["age_min", "age_max", "min_account_age", "content_types", "features"]},
        ),
        (_("Source"), {"fields": ["source", "source_year", "notes"]}),
    ]
    inlines = [PlatformFigureInline, ImageFormatInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "platform", "kind", "lead_time_days", "is_active"]
    list_filter = ["kind", "is_active", "platform"]
    search_fields = ["name", "handle", "organization__name"]
    list_select_related = ["organization", "platform"]


@admin.register(PlatformNote)
class PlatformNoteAdmin(admin.ModelAdmin):
    list_display = ["platform", "organization", "updated_at"]
    list_select_related = ["organization", "platform"]


@admin.register(PlatformBrief)
class PlatformBriefAdmin(admin.ModelAdmin):
    list_display = ["plan", "goal", "preset", "updated_at"]


@admin.register(PlatformChoice)
class PlatformChoiceAdmin(admin.ModelAdmin):
    list_display = ["plan", "platform_name", "priority", "score", "chosen_at"]
    list_select_related = ["plan"]


@admin.register(SourceImage)
class SourceImageAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "width", "height", "created_at"]
    list_select_related = ["organization"]
