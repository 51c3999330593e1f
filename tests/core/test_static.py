"""Production static files: collectstatic with hashed names must find every referenced file."""

from django.core.management import call_command


def test_collectstatic_with_manifest_storage_succeeds(settings, tmp_path):
    # The conftest swaps in plain storage for speed; production post-processes every CSS/JS
    # reference (fonts, source maps) and fails on a missing one, as `make serve` would.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    assert (tmp_path / "static" / "staticfiles.json").exists()
