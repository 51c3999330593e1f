"""The French catalogue (the default language) is complete and keeps every placeholder."""

import re
from pathlib import Path

import polib
import pytest

PO = Path(__file__).resolve().parents[2] / "locale" / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdf]|%[sd]|\{\w*\}|</?[a-z]+[^>]*>")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO))


def test_every_french_string_is_translated(catalogue):
    missing = [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert not missing, f"translate in {PO}: {missing[:10]}"


def test_translations_keep_the_placeholders(catalogue):
    def placeholders(text):
        return sorted(PLACEHOLDER.findall(text))

    wrong = []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, s) for s in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        wrong += [source for source, text in pairs if placeholders(source) != placeholders(text)]
    assert not wrong, wrong[:10]
