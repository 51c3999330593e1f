"""Hostile input on every write page: over-long text, control characters, direction overrides,
NUL bytes and unknown choices give a form error (200) or clean data (302), never a 500, and
nothing over-long or unclean reaches the database.

The pages come from the URL walker (``tests/tenancy.py``): every organisation page that
accepts POST must be listed in ``WRITE_PAGES`` with a valid payload, or be a confirmation
(no input), so a new write page is covered as soon as it exists. ``make test-services`` runs
this module on PostgreSQL, where an unchecked length is a ``DataError`` and a NUL byte a
``ValueError`` (the test client re-raises both).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import resolve, reverse
from PIL import Image

from accounts.forms import LoginForm
from accounts.models import Role
from core.forms import CleanCharField, CleanTextFormMixin, TextCleaningMixin
from core.generic import ConfirmView
from core.text import clean_stored_text, clean_text, is_clean
from planner.models import Plan
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    ObjectiveFactory,
    PlanFactory,
    PlatformFactory,
    UserFactory,
)
from tests.helpers import goal_form_data
from tests.tenancy import ORG_URLS, OrgUrl

pytestmark = pytest.mark.django_db

OVERRIDE = "evil\u202etxt.exe"
#: Removed silently: NUL, other C0 and C1 controls, zero-width space, BOM, an isolate, an
#: embedding and its pop (no override: those are refused).
INVISIBLE = "\x00\x01\x08\x1b\x7f\x9f\u200b\ufeff\u2066\u2069\u202b\u202c"
#: An unknown value for a choice, looked for in every stored column afterwards.
BOGUS = "hostile-choice"

# The cleaning itself -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "multiline", "expected"),
    [
        ("a\x00b\x01c\x7fd\x9fe", False, "abcde"),
        ("zero\u200bwidth\u2060joined\ufeff", False, "zerowidthjoined"),
        ("\u202bembedded\u202c \u2067isolated\u2069", False, "embedded isolated"),
        ("two\r\nlines\rand\x0bmore\u2028end", True, "two\nlines\nand\nmore\nend"),
        ("keeps\ttabs\nand lines", True, "keeps\ttabs\nand lines"),
        ("no\r\nline\tbreaks\u2029here", False, "no line breaks here"),
        # Kept: direction marks, emoji joiners, Persian non-joiner, soft hyphen.
        (
            "C++\u200f \u05e9\u05dc\u05d5\u05dd\u200e",
            False,
            "C++\u200f \u05e9\u05dc\u05d5\u05dd\u200e",
        ),
        ("\U0001f469\u200d\U0001f4bb mi\u200cxed ca\u00adtalogue", False, None),
        # One form for accents: typed on a Mac (e + combining accent) or on Windows alike.
        ("Bibliothe\u0300que", False, "Biblioth\u00e8que"),
    ],
)
def test_clean_text(raw, multiline, expected):
    assert clean_text(raw, multiline=multiline) == (raw if expected is None else expected)


class _Form(CleanTextFormMixin, forms.Form):
    name = forms.CharField(max_length=20)
    notes = forms.CharField(max_length=50, required=False, widget=forms.Textarea)
    email = forms.EmailField(max_length=50, required=False)
    secret = forms.CharField(max_length=50, required=False, widget=forms.PasswordInput)


def test_every_text_field_of_a_form_is_cleaned_but_passwords():
    form = _Form(
        {
            "name": " Sp\x00ring\u200b\nfair ",
            "notes": "Line 1\r\n\x07Line 2\tend",
            "email": "ne\x00w@example.org",
            "secret": "pass\x01word",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "name": "Spring fair",
        "notes": "Line 1\nLine 2\tend",
        "email": "new@example.org",
        "secret": "pass\x01word",
    }
    assert type(form.fields["email"]).__name__ == "CleanEmailField"
    assert not isinstance(form.fields["secret"], TextCleaningMixin)
    # The class's own fields are untouched: each form cleans its copies.
    assert type(_Form.base_fields["name"]) is forms.CharField


def test_a_direction_override_is_refused_with_its_code_and_a_message():
    form = _Form({"name": OVERRIDE})
    assert not form.is_valid()
    (error,) = form.errors.as_data()["name"]
    assert error.code == "bidi_override"
    assert "Type the text again" in error.messages[0]


def test_the_length_is_counted_after_cleaning():
    # 20 visible characters and invisible ones: the browser's maxlength would count 20 too.
    field = CleanCharField(max_length=20)
    assert field.clean("a" * 20 + "\u200b" * 5) == "a" * 20
    with pytest.raises(ValidationError) as caught:
        field.clean("a" * 21)
    assert [e.code for e in caught.value.error_list] == ["max_length"]


def test_clean_stored_text_cleans_rows_written_before(org):
    dirty = PlanFactory(organization=org, title="evil\u202etxt.exe\x07", description="a\r\nb\x07")
    blank = PlanFactory(organization=org, title="\u202e\u200b")
    tidy = PlanFactory(organization=org, title="Tidy")
    assert clean_stored_text(Plan, {"title": False, "description": True}) == 2
    dirty.refresh_from_db(), blank.refresh_from_db(), tidy.refresh_from_db()
    assert (dirty.title, dirty.description) == ("eviltxt.exe", "a\nb")
    assert blank.title == "–"  # required: never left empty
    assert tidy.title == "Tidy"


# Write pages ---------------------------------------------------------------------------------


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def _audience(org) -> dict:
    return {
        "seg-TOTAL_FORMS": "1",
        "seg-INITIAL_FORMS": "0",
        "seg-MIN_NUM_FORMS": "0",
        "seg-MAX_NUM_FORMS": "20",
        "seg-0-label": "Families",
        "seg-0-age_min": "25",
        "seg-0-age_max": "45",
        "seg-0-weight": "1",
        "content_types": ["image", "video"],
        "goal": "",
        "preset": "",
    }


def _channel(org) -> dict:
    return {
        "platform": PlatformFactory().pk,
        "name": "Library on the platform",
        "handle": "@library",
        "url": "https://example.org/library",
        "kind": "partner",
        "partner_contact": "Alice, city hall",
        "lead_time_days": "3",
    }


def _risk(org) -> dict:
    return {
        "title": "Nobody answers in August",
        "why": "Our families write during the holidays",
        "likelihood": "4",
        "impact": "3",
        "mitigation": "A second person answers",
        "owner": org.memberships.first().user_id,
        "review_on": "2027-06-30",
    }


def _objective(org) -> dict:
    """The walker's plan holds the objective being edited (its parent kept), or nothing."""
    plan = Plan.objects.filter(organization=org).latest("pk")
    edited = plan.objectives.order_by("-pk").first()
    return {
        "level": edited.level if edited else "organisation",
        "parent": edited.parent_id if edited and edited.parent_id else "",
        "title": "Bring families to the library",
        "description": "Why it matters",
    }


def _goal(org) -> dict:
    """A valid goal under a social-media objective of the walker's plan (its goal's, if any)."""
    plan = Plan.objects.filter(organization=org).latest("pk")
    goal = plan.goals.first()
    objective = goal.objective if goal else ObjectiveFactory(plan=plan)
    return goal_form_data(objective, version=goal.version if goal else "")


GOAL_CHOICES = ("objective", "metric", "platform", "channel", "baseline", "target", "deadline")


def _plan(org) -> dict:
    return {
        "title": "Spring fair",
        "description": "What we want",
        "starts_on": "",
        "ends_on": "",
        "owner": "",
    }


def _stats_csv() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "stats.csv", b"month,channel,views,interactions\n2026-01,Facebook,1,1\n", "text/csv"
    )


def _own_notifications(org) -> dict:
    from accounts.models import Membership, Notification

    admin = Membership.objects.filter(organization=org, role=Role.ADMIN).latest("pk").user
    Notification.objects.filter(organization=org).update(recipient=admin)
    return {}


def _poststat(org) -> dict:
    """A post's figures on a channel of ``org`` (the walker's post's channel when editing)."""
    from analytics.models import PostStat
    from platforms.models import Channel

    stat = PostStat.objects.filter(organization=org).order_by("-pk").first()
    channel = stat.channel if stat else Channel.objects.filter(organization=org).first()
    if channel is None:
        from tests.factories import ChannelFactory

        channel = ChannelFactory(organization=org)
    return {
        "published_on": "2026-01-14",
        "channel": channel.pk,
        "title": "Reading club",
        "url": "https://example.org/v/1",
        "format": "video",
        "views": "1 250",
        "interactions": "40",
        "avg_watch_seconds": "2:30",
    }


@dataclass(frozen=True)
class WritePage:
    #: A valid payload for the page (as an administrator of ``org``): it answers 302.
    valid: Callable[[object], dict]
    #: Fields holding free text.
    text: tuple[str, ...] = ()
    #: Fields whose value must be one of a list (or a number, a date, a row).
    choices: tuple[str, ...] = ()
    #: Hidden codes: an unknown one is dropped (the page saves), never stored.
    dropped: tuple[str, ...] = ()


#: Every organisation page that accepts POST and is not a confirmation.
WRITE_PAGES = {
    "accounts:member_invite": WritePage(
        lambda org: {"email": "new.person@example.org", "role": "editor"},
        text=("email",),
        choices=("role",),
    ),
    "accounts:member_role": WritePage(lambda org: {"role": "manager"}, choices=("role",)),
    "accounts:organization_settings": WritePage(
        lambda org: {
            "name": "Médiathèque",
            "kind": "museum",
            "language": "en",
            "timezone": "Europe/Paris",
            "description": "Our libraries",
        },
        text=("name", "description"),
        choices=("kind", "language", "timezone"),
    ),
    "planner:plan_create": WritePage(
        _plan, text=("title", "description"), choices=("starts_on", "ends_on", "owner")
    ),
    "planner:plan_update": WritePage(
        _plan, text=("title", "description"), choices=("starts_on", "ends_on", "owner")
    ),
    "planner:plan_duplicate": WritePage(
        lambda org: {"title": "Spring fair (copy)", "starts_on": "2028-01-01", "ends_on": ""},
        text=("title",),
        choices=("starts_on", "ends_on"),
    ),
    # Step 1: a line of the register (the walker's line is a risk) and a suggestion button.
    "planner:benefit_create": WritePage(
        lambda org: {**_risk(org), "kind": "risk"},
        text=("title", "why", "mitigation"),
        choices=("kind", "likelihood", "impact", "owner", "review_on"),
    ),
    "planner:benefit_update": WritePage(
        _risk,
        text=("title", "why", "mitigation"),
        choices=("likelihood", "impact", "owner", "review_on"),
    ),
    "planner:benefit_suggest": WritePage(
        lambda org: {"kind": "benefit", "code": "visibility"}, choices=("kind", "code")
    ),
    # Errors come back as a message on the plan page: 302 either way, nothing stored.
    "planner:plan_transition": WritePage(
        lambda org: {"transition": "submit", "comment": "Ready on Monday"},
        text=("comment",),
        choices=("transition",),
    ),
    # Step 2: the objective cascade and SMART goals.
    "planner:objective_create": WritePage(
        _objective, text=("title", "description"), choices=("level", "parent")
    ),
    "planner:objective_update": WritePage(
        _objective, text=("title", "description"), choices=("parent",)
    ),
    "planner:goal_create": WritePage(
        _goal, text=("statement", "custom_metric", "unit"), choices=(*GOAL_CHOICES, "starts_on")
    ),
    "planner:goal_update": WritePage(
        _goal, text=("statement", "custom_metric", "unit"), choices=(*GOAL_CHOICES, "version")
    ),
    # The goal review panel: errors are messages on the goal's page (the walker's goal is a
    # draft at version 1).
    "planner:goal_review": WritePage(
        lambda org: {"transition": "submit", "comment": "Ready for review", "version": "1"},
        text=("comment",),
        choices=("transition", "version"),
    ),
    # Notifications: no input. The walker's notification is someone else's (a 404 by design),
    # so the payload hands the organisation's notifications to the administrator who posts.
    "accounts:notification_open": WritePage(_own_notifications),
    "accounts:notification_read_all": WritePage(_own_notifications),
    "platforms:channel_create": WritePage(
        _channel,
        text=("name", "handle", "url", "partner_contact"),
        choices=("platform", "kind", "lead_time_days"),
    ),
    "platforms:channel_update": WritePage(
        _channel,
        text=("name", "handle", "url", "partner_contact"),
        choices=("platform", "kind", "lead_time_days"),
    ),
    "platforms:platform_detail": WritePage(lambda org: {"text": "Our note"}, text=("text",)),
    "platforms:plan_platforms": WritePage(
        _audience,
        text=("seg-0-label",),
        choices=("content_types", "goal", "seg-0-age_min", "seg-0-weight", "seg-TOTAL_FORMS"),
        dropped=("preset",),
    ),
    "platforms:plan_choose": WritePage(
        lambda org: {"priority": "1", "rationale": "Our families are there"},
        text=("rationale",),
        choices=("priority",),
    ),
    # The set is compared with the saved advice; anything else is a message and a redirect.
    "platforms:plan_choose_set": WritePage(lambda org: {"platform": []}, choices=("platform",)),
    "platforms:image_list": WritePage(
        lambda org: {"title": "Reading room", "file": _jpeg()}, text=("title",)
    ),
    "platforms:image_detail": WritePage(
        lambda org: {"focal_x": "40", "focal_y": "60.5"}, choices=("focal_x", "focal_y")
    ),
    # Step 7: a plan's lessons learned.
    "analytics:plan_evaluation": WritePage(
        lambda org: {"lessons": "The partner page reached more people"}, text=("lessons",)
    ),
    # Step 7: a statistics file (checked later, by the worker).
    "analytics:import_list": WritePage(
        lambda org: {"file": _stats_csv(), "kind": "monthly", "channel": ""},
        choices=("kind", "channel"),
    ),
}
# Step 7: a channel's month in the grid, a post's figures (the walker's channel).
WRITE_PAGES["analytics:monthly_row"] = WritePage(
    lambda org: {"views": "12 345", "interactions": "80", "followers": "", "posts_published": "4"},
    choices=("views", "interactions", "followers", "posts_published"),
)
WRITE_PAGES["analytics:poststat_create"] = WritePage(
    _poststat,
    text=("title", "url"),
    choices=("published_on", "channel", "format", "views", "interactions", "avg_watch_seconds"),
)
WRITE_PAGES["analytics:poststat_update"] = WRITE_PAGES["analytics:poststat_create"]
#: Pages whose errors are messages on the page they redirect to (no form to show again).
REDIRECT_ON_ERROR = {
    "planner:benefit_suggest",
    "planner:plan_transition",
    "platforms:plan_choose_set",
    "planner:goal_review",
    "accounts:notification_open",
    "accounts:notification_read_all",
}


def _view_class(org_url: OrgUrl):
    dummy = {k: 1 if k.endswith("_pk") else "x" for k in org_url.keywords}
    return resolve(reverse(org_url.name, kwargs={"org_slug": "x", **dummy})).func.view_class


def _accepts_post(view) -> bool:
    return "post" in view.http_method_names and hasattr(view, "post")


def test_every_write_page_is_listed_with_a_valid_payload():
    unlisted = [
        u.name
        for u in ORG_URLS
        if _accepts_post(_view_class(u))
        and not issubclass(_view_class(u), ConfirmView)
        and u.name not in WRITE_PAGES
    ]
    assert unlisted == [], "add these pages to WRITE_PAGES"
    assert set(WRITE_PAGES) <= {u.name for u in ORG_URLS}


def _project_text_columns():
    labels = {"accounts", "planner", "platforms", "core", "personas", "analytics"}
    for model in apps.get_models():
        if model._meta.app_label in labels or model is get_user_model():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField | models.JSONField):
                    yield model, field


def assert_stored_text_is_clean():
    """No column holds over-long or unclean text, nor the unknown choice value."""
    for model, field in _project_text_columns():
        for pk, value in model._base_manager.values_list("pk", field.attname):
            where = f"{model.__name__}.{field.name} (pk {pk})"
            if isinstance(field, models.JSONField):
                assert BOGUS not in str(value), where
                continue
            if value is None:
                continue
            assert BOGUS not in value, where
            if field.max_length:
                assert len(value) <= field.max_length, f"{where}: {len(value)} characters"
            if field.name != "password":
                assert is_clean(value, multiline=isinstance(field, models.TextField)), where


@pytest.fixture
def post_page(client_as, org):
    """``post_page(name, change)`` → the response to a POST of the page's valid payload with
    ``change(payload)`` applied, by an administrator of ``org``."""
    client = client_as(Role.ADMIN)
    org_urls = {u.name: u for u in ORG_URLS}

    def post(name, change=lambda data: data):
        page = WRITE_PAGES[name]
        address = org_urls[name].build(org)
        response = client.post(address, change(page.valid(org)))
        assert response.status_code in (200, 302), response.status_code
        assert_stored_text_is_clean()
        return response

    return post


PAGES = sorted(WRITE_PAGES)
TEXT_CASES = [(name, field) for name in PAGES for field in WRITE_PAGES[name].text]
CHOICE_CASES = [(name, field) for name in PAGES for field in WRITE_PAGES[name].choices]
DROPPED_CASES = [(name, field) for name in PAGES for field in WRITE_PAGES[name].dropped]


def _refused(response, name, field=None):
    dropped = field in WRITE_PAGES[name].dropped
    expected = 302 if name in REDIRECT_ON_ERROR or dropped else 200
    assert response.status_code == expected


@pytest.mark.parametrize("name", PAGES)
def test_the_valid_payload_is_accepted(post_page, name):
    assert post_page(name).status_code == 302


@pytest.mark.parametrize(("name", "field"), TEXT_CASES + DROPPED_CASES)
@pytest.mark.parametrize("length", [2_000_000, 10_000])
def test_over_long_text_is_refused(post_page, name, field, length):
    _refused(post_page(name, lambda data: {**data, field: "x" * length}), name, field)


@pytest.mark.parametrize("name", PAGES)
def test_ten_thousand_characters_in_every_field_at_once(post_page, name):
    _refused(post_page(name, lambda data: dict.fromkeys(data, "y" * 10_000)), name)


@pytest.mark.parametrize("name", PAGES)
def test_nul_bytes_in_every_field_never_reach_the_database(post_page, name):
    # Dates, numbers and choices refuse them; text is stored without them.
    post_page(name, lambda data: dict.fromkeys(data, "\x00"))


@pytest.mark.parametrize("name", [n for n in PAGES if WRITE_PAGES[n].text])
def test_invisible_characters_are_removed_and_the_text_saved(post_page, name):
    def dirty(data):
        return {
            f: v[:1] + INVISIBLE + v[1:] for f, v in data.items() if f in WRITE_PAGES[name].text
        }

    assert post_page(name, lambda data: {**data, **dirty(data)}).status_code == 302


@pytest.mark.parametrize(("name", "field"), TEXT_CASES + DROPPED_CASES)
def test_a_direction_override_is_refused(post_page, name, field):
    _refused(post_page(name, lambda data: {**data, field: OVERRIDE}), name)


@pytest.mark.parametrize(("name", "field"), CHOICE_CASES + DROPPED_CASES)
def test_an_unknown_choice_is_refused(post_page, name, field):
    _refused(post_page(name, lambda data: {**data, field: BOGUS}), name, field)


def test_the_plan_form_stores_the_cleaned_text_and_names_the_override(post_page, org):
    post_page(
        "planner:plan_create",
        lambda data: {**data, "title": " Spr\x00ing\u200b fair", "description": "A\r\n\x07B\tc"},
    )
    plan = Plan.objects.get(organization=org)
    assert (plan.title, plan.description) == ("Spring fair", "A\nB\tc")
    response = post_page("planner:plan_create", lambda data: {**data, "title": OVERRIDE})
    assert [e.code for e in response.context["form"].errors.as_data()["title"]] == ["bidi_override"]


def test_a_forged_transition_comment_is_cleaned_and_bounded(post_page, org):
    # Each post builds its page, so a new plan.
    post_page("planner:plan_transition", lambda data: {**data, "comment": "x" * 2001})
    plan = Plan.objects.get(organization=org)
    assert plan.status == Plan.Status.DRAFT and not plan.transitions.exists()
    post_page("planner:plan_transition", lambda data: {**data, "comment": "O\x00K\u202b"})
    plan = Plan.objects.filter(organization=org).latest("pk")
    assert plan.status == Plan.Status.IN_REVIEW
    assert plan.transitions.get().comment == "OK"


# Pages outside an organisation ---------------------------------------------------------------

HOSTILE = ["x" * 2_000_000, "y" * 10_000, "\x00", OVERRIDE, "a" + INVISIBLE + "b"]


@pytest.mark.parametrize("value", HOSTILE, ids=["2M", "10k", "nul", "override", "invisible"])
def test_login_survives_hostile_input(client, value):
    UserFactory(email="reader@example.org")
    for data in ({"username": value, "password": PASSWORD}, {"username": "x", "password": value}):
        response = client.post(reverse("accounts:login"), data)
        assert response.status_code == 200
        assert not response.wsgi_request.user.is_authenticated


def test_login_passwords_have_a_bound_but_are_not_cleaned():
    field = LoginForm().fields["password"]
    assert field.max_length == 4096 and not isinstance(field, TextCleaningMixin)


@pytest.mark.parametrize("value", HOSTILE, ids=["2M", "10k", "nul", "override", "invisible"])
@pytest.mark.parametrize("field", ["first_name", "last_name", "password1"])
def test_accepting_an_invitation_survives_hostile_input(client, org, field, value):
    InvitationFactory(organization=org, token="tok", email="new@example.org")
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "password1": "a long enough passphrase",
        "password2": "a long enough passphrase",
    }
    data[field] = value
    if field == "password1":
        data["password2"] = value
    response = client.post(reverse("accounts:invitation_accept", args=["tok"]), data)
    assert response.status_code in (302, 400)
    assert_stored_text_is_clean()
    User = get_user_model()
    if response.status_code == 302 and field != "password1":
        user = User.objects.get(email="new@example.org")
        assert getattr(user, field) == clean_text(value, multiline=False).strip()
