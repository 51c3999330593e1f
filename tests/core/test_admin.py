"""The admin speaks the user's language: fieldset titles go through gettext."""

from django.contrib import admin
from django.utils import translation
from django.utils.functional import Promise

from platforms.models import Platform


def test_every_admin_fieldset_title_is_translatable():
    plain = [
        f"{model_admin.__class__.__name__}: {title!r}"
        for model_admin in admin.site._registry.values()
        for title, _options in (model_admin.fieldsets or ())
        if title is not None and not isinstance(title, Promise)
    ]
    assert not plain, plain


def test_platform_fieldsets_are_french_in_french():
    titles = [title for title, _options in admin.site._registry[Platform].fieldsets if title]
    with translation.override("fr"):
        assert [str(title) for title in titles] == ["Public", "Source"]
