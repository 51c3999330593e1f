"""The activity log stores an action code and parameters, rendered in the reader's language."""

import ast
import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts import services
from accounts.activity import activity
from accounts.models import ActivityEntry, Role
from core.sentences import LEGACY_TEXT
from planner.models import PLAN_WORKFLOW
from planner.review import GOAL_WORKFLOW
from tests.factories import ActivityEntryFactory

ROOT = Path(__file__).resolve().parents[2]
MIGRATION = importlib.import_module("accounts.migrations.0004_activity_descriptions_to_params")
NBSP = "\xa0"


def read(entry, language: str) -> str:
    with translation.override(language):
        return ActivityEntry.objects.get(pk=entry.pk).message


@pytest.mark.django_db
def test_an_entry_written_in_french_reads_in_the_readers_language(org):
    with translation.override("fr"):
        entry = services.activity_log(
            org=org, actor=None, verb="channel.create", params={"name": "Facebook"}
        )
    assert entry.params == {"name": "Facebook"}
    assert read(entry, "en") == "Channel “Facebook” added"
    assert read(entry, "fr") == f"Canal «{NBSP}Facebook{NBSP}» ajouté"


@pytest.mark.django_db
def test_a_role_is_stored_as_its_code_and_read_with_the_readers_label(member):
    admin, viewer = member(Role.ADMIN), member(Role.VIEWER)
    with translation.override("fr"):
        services.membership_change_role(membership=viewer, role=Role.MANAGER, actor=admin.user)
    entry = ActivityEntry.objects.get(verb="member.role")
    assert entry.params == {"user": viewer.user.email, "old": "viewer", "new": "manager"}
    assert read(entry, "en") == f"{viewer.user.email}: Viewer → Manager"
    assert read(entry, "fr") == f"{viewer.user.email}{NBSP}: Lecteur → Responsable"


@pytest.mark.django_db
def test_the_activity_page_and_home_read_a_french_entry_in_english(client_as, org):
    client = client_as(Role.VIEWER)
    with translation.override("fr"):
        services.activity_log(
            org=org,
            actor=None,
            verb="invitation.create",
            params={"email": "ana@example.org", "role": "manager"},
        )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for name in ("accounts:activity_list", "core:home"):
        page = client.get(reverse(name, args=[org.slug])).content.decode()
        assert "ana@example.org invited as Manager" in page, name
        assert "rôle" not in page, name
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(reverse("accounts:activity_list", args=[org.slug])).content.decode()
    assert f"Invitation envoyée à ana@example.org (rôle{NBSP}: Responsable)" in page


@pytest.mark.django_db
def test_an_unknown_verb_reads_as_a_neutral_sentence_and_legacy_text_as_it_was(org):
    unknown = ActivityEntryFactory(organization=org, verb="gone.away", params={"x": 1})
    legacy = ActivityEntryFactory(
        organization=org, verb="channel.create", params={LEGACY_TEXT: "Texte d’avant"}
    )
    broken = ActivityEntryFactory(organization=org, verb="channel.create", params={})
    assert read(unknown, "en") == "Action “gone.away”"
    assert read(unknown, "fr") == f"Action «{NBSP}gone.away{NBSP}»"
    assert read(legacy, "en") == "Texte d’avant"
    assert read(broken, "en") == "Action “channel.create”"


@pytest.mark.django_db
def test_writing_an_unregistered_verb_or_a_label_raises(org):
    with pytest.raises(LookupError, match=r"'channel\.creat' is not registered"):
        services.activity_log(org=org, actor=None, verb="channel.creat", params={})
    with pytest.raises(TypeError, match="role"):
        services.activity_log(
            org=org,
            actor=None,
            verb="invitation.create",
            params={"email": "a@example.org", "role": Role.MANAGER.label},  # lazy label
        )
    assert not ActivityEntry.objects.exists()


def test_a_choice_that_demotes_the_main_platform_says_so():
    params = {"platform": "Facebook", "plan": "P", "previous": "Instagram"}
    with translation.override("en"):
        assert activity.render("plan.platform", params).endswith("Instagram became secondary")
        assert activity.render("plan.platform", {**params, "previous": None}) == (
            "Facebook chosen for “P”"
        )


# Every call writes a registered verb ------------------------------------------------------


def _activity_log_calls():
    for path in ROOT.glob("*/**/*.py"):
        if {".venv", "tests", "migrations"} & set(path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "activity_log":
                yield path.relative_to(ROOT), node


def _literal_verbs(node) -> list[str] | None:
    """The verbs an expression can give, when it is written out in the call."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        branches = [_literal_verbs(node.body), _literal_verbs(node.orelse)]
        return None if None in branches else branches[0] + branches[1]
    return None


def test_every_verb_written_by_a_call_is_registered_with_its_parameters():
    calls = list(_activity_log_calls())
    assert len(calls) >= 20, "the walk found too few calls: check its filter"
    problems, computed = [], []
    for path, call in calls:
        keywords = {k.arg: k.value for k in call.keywords}
        where = f"{path}:{call.lineno}"
        if "description" in keywords:
            problems.append(f"{where}: stores a sentence; pass params=")
        verbs = _literal_verbs(keywords.get("verb"))
        if verbs is None:
            computed.append(str(path))
            continue
        params = keywords.get("params")
        given = (
            {k.value for k in params.keys if isinstance(k, ast.Constant)}
            if isinstance(params, ast.Dict)
            else set()
        )
        for verb in verbs:
            if verb not in activity:
                problems.append(f"{where}: {verb!r} is not registered")
                continue
            template = str(activity.template(verb, dict.fromkeys(given, "x")))
            missing = set(re.findall(r"%\((\w+)\)", template)) - given
            if missing:
                problems.append(f"{where}: {verb!r} lacks parameters {sorted(missing)}")
    assert not problems, problems
    # The computed verbs: planner's transitions, "plan.<name>" and "goal.<name>".
    assert sorted(computed) == [
        str(Path("planner/services/plan.py")),
        str(Path("planner/services/review.py")),
    ]
    assert {f"plan.{name}" for name in PLAN_WORKFLOW.transitions} <= activity.codes
    assert {f"goal.{name}" for name in GOAL_WORKFLOW.transitions} <= activity.codes


# The data migration -----------------------------------------------------------------------

LEGACY = [
    # (verb, stored sentence, parameters expected)
    ("channel.create", f"Canal «{NBSP}Fil{NBSP}» ajouté", {"name": "Fil"}),
    ("channel.create", "Channel “Fil” added", {"name": "Fil"}),
    (
        "invitation.create",
        f"Invitation envoyée à ana@example.org (rôle{NBSP}: Responsable)",
        {"email": "ana@example.org", "role": "manager"},
    ),
    (
        "invitation.create",
        "ana@example.org invited as Editor (librarian)",
        {"email": "ana@example.org", "role": "editor"},
    ),
    (
        "member.role",
        f"bo@example.org{NBSP}: Lecteur → Administrateur",
        {"user": "bo@example.org", "old": "viewer", "new": "admin"},
    ),
    (
        "plan.archive",
        f"Plan «{NBSP}Été 2026{NBSP}»{NBSP}: Archivé",
        {"title": "Été 2026", "status": "archived"},
    ),
    (
        "plan.platform",
        f"Facebook choisie comme plateforme principale de «{NBSP}P{NBSP}»{NBSP}; "
        "Instagram devient secondaire",
        {"platform": "Facebook", "plan": "P", "previous": "Instagram"},
    ),
    (
        "plan.platform",
        "YouTube chosen for “P”",
        {"platform": "YouTube", "plan": "P"},
    ),
    ("org.create", "Organisation créée", {}),
    # Matches no known sentence (a label renamed since, an unknown verb): kept whole.
    (
        "invitation.create",
        "a@example.org invited as Chief",
        {LEGACY_TEXT: "a@example.org invited as Chief"},
    ),
    ("bench", "Entry 3", {LEGACY_TEXT: "Entry 3"}),
]


@pytest.mark.parametrize(("verb", "description", "expected"), LEGACY)
def test_the_migration_parses_french_and_english_sentences(verb, description, expected):
    assert MIGRATION.description_to_params(verb, description) == expected


def test_the_migration_reads_back_what_the_registry_renders():
    """Each verb's English sentence, rendered now, parses back to the same parameters.

    Only the verbs the migration knows: those added later were never stored as sentences (and
    the "active" plan status is "approved" since planner/0007)."""
    samples = {"role": "manager", "old": "viewer", "new": "admin", "status": "archived"}
    with translation.override("en"):
        for verb in sorted(set(activity.codes) & set(MIGRATION.SENTENCES)):
            template = str(activity.template(verb, {}))
            names = re.findall(r"%\((\w+)\)", template)
            params = {n: samples.get(n, f"{n} value") for n in names}
            assert MIGRATION.description_to_params(verb, activity.render(verb, params)) == (
                params
            ), verb
            assert MIGRATION.params_to_description(verb, params) == activity.render(verb, params)


@pytest.mark.django_db(transaction=True)
def test_the_migration_converts_stored_entries(migrate_to):
    old = migrate_to(("accounts", "0003_activityentry_params"))
    Organization = old.get_model("accounts", "Organization")
    Entry = old.get_model("accounts", "ActivityEntry")
    org = Organization.objects.create(name="O", slug="o", kind="library")
    french = Entry.objects.create(
        organization=org, verb="channel.create", description=f"Canal «{NBSP}Fil{NBSP}» ajouté"
    )
    english = Entry.objects.create(
        organization=org, verb="invitation.accept", description="ana@example.org joined as Viewer"
    )
    new = migrate_to(("accounts", "0004_activity_descriptions_to_params"))
    Converted = new.get_model("accounts", "ActivityEntry")
    assert Converted.objects.get(pk=french.pk).params == {"name": "Fil"}
    assert Converted.objects.get(pk=english.pk).params == {
        "email": "ana@example.org",
        "role": "viewer",
    }
    migrate_to()
    with translation.override("en"):
        assert ActivityEntry.objects.get(pk=french.pk).message == "Channel “Fil” added"


@pytest.mark.django_db(transaction=True)
def test_stored_parameters_lose_their_invisible_characters(migrate_to):
    old = migrate_to(("accounts", "0007_unique_rules_in_the_database"))
    org = old.get_model("accounts", "Organization").objects.create(
        name="O", slug="o", kind="library"
    )
    entry = old.get_model("accounts", "ActivityEntry").objects.create(
        organization=org, verb="channel.create", params={"name": "evil\u202etxt.exe", "n": 2}
    )
    new = migrate_to(("accounts", "0008_clean_activity_params"))
    cleaned = new.get_model("accounts", "ActivityEntry").objects.get(pk=entry.pk)
    assert cleaned.params == {"name": "eviltxt.exe", "n": 2}
