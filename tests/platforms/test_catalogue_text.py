"""platforms/catalogue_text.py: every descriptive text of the catalogue fixture is translatable."""


def test_every_descriptive_text_of_the_fixture_can_be_translated():
    import json

    from django.utils import translation

    from platforms.catalogue_text import CATALOGUE_TEXTS, catalogue_text
    from platforms.services.catalogue import CATALOGUE_PATH

    platforms = json.loads(CATALOGUE_PATH.read_text())["platforms"]
    texts = {p["notes"] for p in platforms if p.get("notes")}
    texts |= {p["source"] for p in platforms}
    texts |= {f[k] for p in platforms for f in p.get("figures", []) for k in ("label", "source")}
    texts |= {
        f[k] for p in platforms for f in p.get("image_formats", []) for k in ("label", "source")
    }
    assert texts - CATALOGUE_TEXTS == set(), "list the new texts in platforms/catalogue_text.py"
    with translation.override("fr"):
        assert catalogue_text("Square pin") == "Épingle carrée"
        assert catalogue_text("Typed in the admin") == "Typed in the admin"
        # Citations too: their words follow the reader, the cited title stays as published.
        deck = next(p["source"] for p in platforms if p["source"].startswith("Training deck"))
        assert catalogue_text(deck).startswith("Support de formation «\xa0L'utilisation")
        assert "undated" not in catalogue_text(deck)
