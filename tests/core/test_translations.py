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


# French typography -------------------------------------------------------------------------

#: A plain space where French wants a non-breaking one: before « : ; ! ? » », after «.
PLAIN_SPACE_IN_FRENCH = re.compile(r" [:;!?»]|« ")
#: "de" before a name ("de Alice" should read "d'Alice"): rephrase ("par Alice", "pour Alice")
#: rather than guess the elision. Placeholders that hold a number or a size are fine.
DE_BEFORE_A_NAME = re.compile(r"\bde (?:%\((?P<name>\w+)\)s|\{)")
NUMBER_PLACEHOLDERS = {"limit", "size"}


def _french_strings(catalogue):
    for entry in catalogue.translated_entries():
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        yield from ((entry.msgid, text) for text in texts)


def test_french_strings_use_non_breaking_spaces_around_punctuation(catalogue):
    wrong = [(msgid, text) for msgid, text in _french_strings(catalogue)]
    wrong = [(msgid, text) for msgid, text in wrong if PLAIN_SPACE_IN_FRENCH.search(text)]
    assert not wrong, f"use U+00A0 before : ; ! ? » and after « in {PO}: {wrong[:10]}"


def test_french_strings_never_put_de_before_a_name(catalogue):
    wrong = [
        (msgid, text)
        for msgid, text in _french_strings(catalogue)
        for match in DE_BEFORE_A_NAME.finditer(text)
        if match["name"] not in NUMBER_PLACEHOLDERS
    ]
    assert not wrong, f"rephrase (“par …”, “pour …”) rather than “de <name>”: {wrong[:10]}"


def test_french_strings_write_decimals_with_a_comma(catalogue):
    wrong = [(m, t) for m, t in _french_strings(catalogue) if re.search(r"\d\.\d", t)]
    assert not wrong, f"« 0,1 » in French: {wrong[:10]}"


def test_the_typography_checks_can_fail():
    assert PLAIN_SPACE_IN_FRENCH.search("Rôle : lecteur")
    assert PLAIN_SPACE_IN_FRENCH.search("« Plan »")
    assert not PLAIN_SPACE_IN_FRENCH.search("Rôle\xa0: «\xa0Plan\xa0»")
    assert DE_BEFORE_A_NAME.search("Rôle de %(who)s")["name"] == "who"
    assert DE_BEFORE_A_NAME.search("la limite est de %(limit)s")["name"] in NUMBER_PLACEHOLDERS


# Glossary: the interface's key terms, in both languages ------------------------------------


def _glossary():
    """(where, the label as the interface holds it, English, French)."""
    from django.utils.translation import pgettext_lazy

    from accounts.models import Role
    from core.steps import STEPS
    from planner.models import PLAN_WORKFLOW, Plan
    from platforms.models import PlatformChoice

    roles = {
        Role.VIEWER: ("Viewer", "Lecteur"),
        Role.CONTRIBUTOR: ("Contributor (statistics)", "Contributeur (statistiques)"),
        Role.EDITOR: ("Editor (librarian)", "Éditeur (bibliothécaire)"),
        Role.MANAGER: ("Manager", "Responsable"),
        Role.ADMIN: ("Administrator", "Administrateur"),
    }
    steps = {
        1: ("Getting started", "Premiers pas"),
        2: ("Objectives", "Objectifs"),
        3: ("Platforms", "Plateformes"),
        4: ("Content", "Contenu"),
        5: ("Daily management", "Gestion au quotidien"),
        6: ("Communities", "Communautés"),
        7: ("Evaluation", "Évaluation"),
    }
    statuses = {
        Plan.Status.DRAFT: ("Draft", "Brouillon"),
        Plan.Status.IN_REVIEW: ("In review", "En validation"),
        Plan.Status.APPROVED: ("Approved", "Approuvé"),
        Plan.Status.ARCHIVED: ("Archived", "Archivé"),
    }
    transitions = {
        "submit": ("Submit for review", "Soumettre pour validation"),
        "approve": ("Approve", "Approuver"),
        "request_changes": ("Request changes", "Demander des modifications"),
        "back_to_draft": ("Back to draft", "Revenir au brouillon"),
        "archive": ("Archive", "Archiver"),
        "restore": ("Restore as a draft", "Rétablir comme brouillon"),
    }
    priorities = {
        PlatformChoice.Priority.PRIMARY: ("Main platform", "Plateforme principale"),
        PlatformChoice.Priority.SECONDARY: ("Secondary platform", "Plateforme secondaire"),
        PlatformChoice.Priority.TRIAL: ("To try", "À essayer"),
    }
    assert set(roles) == set(Role), "a role was added: give it its glossary entry"
    assert set(statuses) == set(Plan.Status)
    assert set(transitions) == set(PLAN_WORKFLOW.transitions)
    assert set(priorities) == set(PlatformChoice.Priority)
    assert [s.number for s in STEPS] == list(steps)
    yield from ((f"role {r}", Role(r).label, *words) for r, words in roles.items())
    yield from ((f"step {s.number}", s.title, *steps[s.number]) for s in STEPS)
    yield from ((f"status {s}", Plan.Status(s).label, *w) for s, w in statuses.items())
    yield from (
        (f"transition {n}", PLAN_WORKFLOW.transitions[n].label, *w) for n, w in transitions.items()
    )
    yield from (
        (f"priority {p}", PlatformChoice.Priority(p).label, *w) for p, w in priorities.items()
    )
    channel_states = {"Active": "Actifs", "Archived": "Archivés"}
    yield from (
        (f"channels {en}", pgettext_lazy("channels", en), en, fr)
        for en, fr in channel_states.items()
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_glossary_reads_the_same_in_both_languages(language):
    """Changing "Lecteur" into "Administrateur" in the .po (or the source) fails here."""
    from django.utils import translation

    column = {"en": 2, "fr": 3}[language]
    with translation.override(language):
        wrong = [
            (row[0], str(row[1]), row[column]) for row in _glossary() if str(row[1]) != row[column]
        ]
    assert not wrong, wrong
