"""The accessibility gate: axe-core (WCAG 2.0–2.2 A/AA) on every page, in French and English.

The organisation pages come from the URL walker (``tests.tenancy.ORG_URLS`` and its
factories), so a page added later is audited without anyone listing it here; the pages outside
``/o/<slug>/`` (login, password reset, invitations, the organisation list, errors) are listed
below. Each page is audited as shown, then, when its main form has fields, submitted empty
(browser validation off) and audited again in its error state. Any violation of impact
"serious" or "critical" fails, with the page, the rule, the elements and axe's summary.
"""

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from accounts.models import Membership, Organization, Role
from planner.models import Goal, GoalRevision
from planner.services.review import goal_review
from platforms.models import Platform, PlatformChoice
from platforms.services.catalogue import catalogue_load
from platforms.services.plan import audience_update, choice_save
from tests.factories import (
    PASSWORD,
    GoalFactory,
    InvitationFactory,
    MembershipFactory,
    NotificationFactory,
    OrganizationFactory,
    PlanFactory,
    UserFactory,
)
from tests.tenancy import ORG_URLS

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "assets" / "axe-core" / "axe.min.js"
AXE_SOURCE = AXE.read_text()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # Only what a violation needs: no passes/incomplete lists to serialise on every page.
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}

#: The page's main form, when it has something to fill (a confirmation page's lone button is
#: not a form to submit empty: it would perform the action). Returns "htmx", "page" or "".
MAIN_FORM = """() => {
  const form = [...document.querySelectorAll('main form')].find(f =>
    (f.method || '').toLowerCase() === 'post' && f.querySelector('[type=submit]') &&
    f.querySelector('input:not([type=hidden], [type=submit], [type=button]), textarea, select'));
  if (!form) return '';
  window.__auditForm = form;
  return form.matches('[hx-post]') ? 'htmx' : 'page';
}"""
#: Empty every text field of that form, turn browser validation off (so the server answers)
#: and submit; an htmx form resolves once the swapped content has settled.
EMPTY_AND_SUBMIT = """kind => {
  const form = window.__auditForm;
  form.noValidate = true;
  for (const el of form.querySelectorAll('input, textarea')) {
    if (['text', 'email', 'password', 'url', 'number', 'date', 'search', 'tel', 'textarea']
        .includes(el.type) && !el.readOnly) el.value = '';
  }
  const settled = kind !== 'htmx' ? null : new Promise(resolve =>
    document.body.addEventListener('htmx:afterSettle', resolve, {once: true}));
  form.requestSubmit(form.querySelector('[type=submit]'));
  return settled;
}"""
#: What a form in its error state must also do, beyond axe's rules: each invalid field says so
#: (aria-invalid) and points at its error (aria-describedby, on it or on its fieldset), and
#: the focus has moved to the error summary or to the first invalid field.
ERROR_SEMANTICS = """() => {
  const problems = [];
  const fields = [...document.querySelectorAll('main .is-invalid, main [aria-invalid=true]')]
    .filter(el => el.matches('input, select, textarea'));
  for (const el of fields) {
    const name = el.name || el.id;
    if (el.getAttribute('aria-invalid') !== 'true') problems.push(`${name}: no aria-invalid`);
    const ids = (el.getAttribute('aria-describedby') ||
      el.closest('fieldset[aria-describedby]')?.getAttribute('aria-describedby') || '').split(' ');
    if (!ids.some(id => id && document.getElementById(id)?.textContent.trim()))
      problems.push(`${name}: aria-describedby names no error`);
  }
  const summary = document.querySelector('main form .alert-danger, main [data-error-summary]');
  const focused = document.activeElement;
  if ((fields.length || summary) && !(focused?.matches('[aria-invalid=true]') ||
      (summary && summary.contains(focused))))
    problems.push(`focus left on <${focused?.tagName.toLowerCase()}> after the failed submit`);
  return problems;
}"""
ERROR_STATE = ".is-invalid, .invalid-feedback, .alert-danger, [aria-invalid=true], .errorlist"


@dataclass
class Audit:
    language: str
    pages: int = 0
    error_states: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def run(self, page, label: str) -> None:
        # Evaluated through the DevTools protocol rather than a <script> tag, which the
        # page's Content-Security-Policy (script-src 'self') rightly refuses.
        page.evaluate(AXE_SOURCE)
        result = page.evaluate(
            "options => axe.run(document, options)", AXE_OPTIONS
        )  # axe.run returns a promise; evaluate awaits it.
        self.pages += 1
        for violation in result["violations"]:
            if violation["impact"] not in BLOCKING:
                continue
            nodes = violation["nodes"]
            targets = ", ".join(" ".join(node["target"]) for node in nodes[:5])
            summary = nodes[0].get("failureSummary", "").replace("\n", " ")
            self.failures.append(
                f"[{self.language}] {label} ({page.url}): {violation['id']} "
                f"({violation['impact']}, {len(nodes)} element(s)): {targets} — {summary}"
            )

    def open(self, page, url: str, label: str) -> bool:
        """Open ``url`` and audit it; False when it is not an HTML page (a download)."""
        try:
            page.goto(page.base_url + url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                self.skipped.append(f"{label} (download)")
                return False
            raise
        self.run(page, label)
        return True

    def open_with_errors(self, page, url: str, label: str) -> None:
        """Audit the page, then its main form submitted empty, when it shows errors."""
        if not self.open(page, url, label):
            return
        kind = page.evaluate(MAIN_FORM)
        if not kind:
            return
        if kind == "htmx":
            page.evaluate(EMPTY_AND_SUBMIT, kind)
        else:
            with page.expect_navigation():
                page.evaluate(EMPTY_AND_SUBMIT, kind)
        if page.locator(ERROR_STATE).count():
            self.error_states += 1
            self.run(page, f"{label} (bad input)")
            self.failures.extend(
                f"[{self.language}] {label} (bad input) ({page.url}): {problem}"
                for problem in page.evaluate(ERROR_SEMANTICS)
            )


@pytest.fixture
def site(transactional_db, settings, tmp_path):
    """One organisation where the user is an admin (every page allowed), plus what the pages
    outside the organisation need: a pending invitation for a newcomer, and a second
    organisation where the same user is only a viewer (for the 403 page)."""
    settings.MEDIA_ROOT = tmp_path
    catalogue_load()
    admin = MembershipFactory(
        organization=OrganizationFactory(name="Bibliothèque des Écoles", slug="ecoles"),
        role=Role.ADMIN,
        user=UserFactory(email="admin@example.org", first_name="Alice", last_name="Martin"),
    )
    MembershipFactory(
        organization=OrganizationFactory(name="Musée du Fjord", slug="fjord"),
        role=Role.VIEWER,
        user=admin.user,
    )
    InvitationFactory(organization=admin.organization, email="new@example.org", token="welcome")
    return admin


@pytest.fixture
def plan(site):
    """A plan with what the walker's bare objects lack: an audience (one label long enough to
    wrap), a ranking and a choice of each priority, whose badges are audited too."""
    plan = PlanFactory(organization=site.organization, title="Programmation 2027")
    audience_update(
        plan=plan,
        segments=[
            {"label": LONG_LABEL, "age_min": 13, "age_max": 17, "weight": 2},
            {"label": "Parents", "age_min": 30, "age_max": 45, "weight": 1},
        ],
        content_types=["image", "video"],
        goal="",
        preset="",
        actor=site.user,
    )
    for code, priority in (("facebook", 1), ("instagram", 2), ("youtube", 3)):
        choice_save(
            plan=plan,
            platform=Platform.objects.get(code=code),
            priority=PlatformChoice.Priority(priority),
            rationale="Nos familles y sont.",
            actor=site.user,
        )
    return plan


LONG_LABEL = "Adolescents inscrits au club de lecture intergénérationnel du quartier Saint-Roch"


def review_pages(plan) -> list[tuple[str, str]]:
    """The goal review with work in it: goals in each state, a kept revision (its page shows
    the review panel with the manager's buttons and a timeline), a notification."""
    org = plan.organization
    admin = Membership.objects.get(organization=org, role=Role.ADMIN)
    author = MembershipFactory(organization=org, role=Role.EDITOR, user__first_name="Bruno")
    goals = [
        GoalFactory(plan=plan, created_by=author.user, owner=author.user, statement=text)
        for text in ("Créer 5 événements Facebook par mois", "Gagner 200 abonnés Instagram")
    ]
    for goal in goals:
        goal_review(goal=goal, name="submit", member=author, comment="Prêt", version=goal.version)
    goal_review(
        goal=goals[1], name="request_changes", member=admin, comment="Cible floue", version=2
    )
    goal_review(goal=goals[1], name="submit", member=author, version=3)
    GoalRevision.objects.create(
        goal=goals[0], revision=1, data={"statement": "Créer 4 événements", "target": "4"}
    )
    Goal.objects.filter(pk=goals[0].pk).update(revision=2)
    NotificationFactory(
        organization=org,
        recipient=admin.user,
        params={"goal": "Créer", "plan": "P", "actor": "Bruno", "comment": ""},
    )
    kwargs = {"org_slug": org.slug, "plan_pk": plan.pk, "goal_pk": goals[0].pk}
    return [
        ("review_queue (populated)", reverse("planner:review_queue", args=[org.slug])),
        ("goal_revisions (populated, panel)", reverse("planner:goal_revisions", kwargs=kwargs)),
        ("notification_list (populated)", reverse("accounts:notification_list", args=[org.slug])),
    ]


def dashboard_pages() -> list[tuple[str, str]]:
    """The statistics dashboard with figures (KPI cards, charts, data tables), in the
    organisation where the user is a viewer: the walker's own shows its empty state."""
    from analytics.months import last_complete_month
    from analytics.services.rollups import rollups_recompute
    from tests.factories import ChannelFactory, MonthlyStatFactory, PostStatFactory

    org = Organization.objects.get(slug="fjord")
    facebook = Platform.objects.get(code="facebook")
    own = ChannelFactory(organization=org, platform=facebook, name="Musée (Facebook)")
    partner = ChannelFactory(organization=org, platform=facebook, kind="partner")
    month = last_complete_month(timezone.localdate())
    MonthlyStatFactory(channel=own, month=month, views=1200, interactions=90, followers=800)
    PostStatFactory(
        channel=partner, published_on=month, views=900, avg_watch_seconds=45, format="video"
    )
    rollups_recompute(org.pk)
    return [("dashboard (populated)", reverse("analytics:dashboard", args=[org.slug]))]


def populated_pages(plan) -> list[tuple[str, str]]:
    """The pages of a plan with data in them (the walker's objects are empty)."""
    kwargs = {"org_slug": plan.organization.slug, "plan_pk": plan.pk}
    return [
        *review_pages(plan),
        *dashboard_pages(),
        ("home (plan in progress)", reverse("core:home", args=[plan.organization.slug])),
        ("plan_detail (populated)", reverse("planner:plan_detail", kwargs=kwargs)),
        ("plan_platforms (populated)", reverse("platforms:plan_platforms", kwargs=kwargs)),
        (
            "matrix (audience highlighted)",
            reverse("platforms:matrix", args=[plan.organization.slug]) + f"?plan={plan.pk}",
        ),
    ]


def outside_pages(admin) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(anonymous, logged-in) pages outside /o/<slug>/, as (label, url)."""
    uid = urlsafe_base64_encode(force_bytes(admin.user.pk))
    token = default_token_generator.make_token(admin.user)
    invitation = reverse("accounts:invitation_accept", args=["welcome"])
    anonymous = [
        ("login", reverse("accounts:login")),
        ("password_reset", reverse("accounts:password_reset")),
        ("password_reset_done", reverse("accounts:password_reset_done")),
        ("password_reset_confirm", reverse("accounts:password_reset_confirm", args=[uid, token])),
        ("password_reset_complete", reverse("accounts:password_reset_complete")),
        ("invitation_accept (new account)", invitation),
        ("invitation_invalid", reverse("accounts:invitation_accept", args=["no-such-token"])),
        ("404 (anonymous)", "/no-such-page/"),
    ]
    logged_in = [
        ("org_switch", reverse("core:org_switch")),
        ("password_change", reverse("accounts:password_change")),
        ("password_change_done", reverse("accounts:password_change_done")),
        ("invitation_accept (someone else's)", invitation),
        ("404", reverse("core:home", args=["no-such-org"])),
        ("403", reverse("accounts:organization_settings", args=["fjord"])),
    ]
    return anonymous, logged_in


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_passes_axe(browser, live_server, site, plan, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # The language the switcher sets (Django's cookie); the middleware reads nothing else.
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    audit = Audit(language)
    started = time.monotonic()
    anonymous, logged_in = outside_pages(site)
    try:
        for label, url in anonymous:
            audit.open_with_errors(page, url, label)
        login(page, site.user.email, PASSWORD)
        for label, url in logged_in:
            audit.open_with_errors(page, url, label)
        for label, url in populated_pages(plan):
            audit.open_with_errors(page, url, label)
        for org_url in ORG_URLS:
            if not org_url.accepts_get:
                audit.skipped.append(f"{org_url} (POST only)")
                continue
            assert org_url.allows(Role.ADMIN) is not False, org_url
            audit.open_with_errors(page, org_url.build(site.organization), str(org_url))
    finally:
        context.close()
    elapsed = time.monotonic() - started
    print(
        f"\naxe [{language}]: {audit.pages} audits ({audit.error_states} error states) "
        f"in {elapsed:.1f} s; skipped: {', '.join(audit.skipped) or 'none'}"
    )
    assert audit.pages > len(ORG_URLS)  # the walk really happened
    assert not audit.failures, f"{len(audit.failures)} serious/critical violation(s):\n" + (
        "\n".join(audit.failures)
    )


def test_the_gate_fails_on_a_contrast_violation(page):
    """The gate can fail: a page with light grey text on white is reported."""
    page.set_content('<html lang="en"><title>t</title><main><p style="color:#ccc">Faint</p></main>')
    audit = Audit("en")
    audit.run(page, "sample")
    assert audit.failures and "color-contrast" in audit.failures[0], json.dumps(audit.failures)


# Keyboard and screen readers: what axe cannot see ---------------------------------------------

#: WCAG relative luminance contrast between two computed CSS colours (rgb/rgba strings).
CONTRAST = """([a, b]) => {
  const lum = c => {
    const [r, g, bl] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
      v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


def open_as_admin(page, site, url: str) -> None:
    login(page, site.user.email, PASSWORD)
    page.goto(page.base_url + url)


def test_focus_ring_of_fields_and_buttons_contrasts_3_to_1(page, site):
    open_as_admin(page, site, reverse("planner:plan_create", args=[site.organization.slug]))
    page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for selector in ("main input[type=text]", "main textarea", "main [type=submit]"):
        # Focus from the keyboard (the previous control, then Tab), so :focus-visible applies.
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"
        )
        assert ring[0] != "none" and ring[1] >= 2, (selector, ring)
        assert page.evaluate(CONTRAST, [ring[2], page_bg]) >= 3, (selector, ring, page_bg)
        assert page.evaluate(CONTRAST, [ring[2], "rgb(255, 255, 255)"]) >= 3, (selector, ring)


def test_tabbing_backwards_never_hides_the_focus_under_the_sticky_header(page, site, plan):
    url = reverse("platforms:plan_platforms", args=[site.organization.slug, plan.pk])
    # Bootstrap scrolls smoothly: measure where the focus lands, not where it passes.
    page.emulate_media(reduced_motion="reduce")
    open_as_admin(page, site, url)
    page.set_viewport_size({"width": 1280, "height": 600})
    page.locator("footer button, footer a").last.focus()
    header_bottom = page.locator("header").bounding_box()["height"]
    hidden = []
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        box = page.evaluate(
            "() => { const el = document.activeElement;"
            " if (el.closest('header') || !el.closest('main')) return null;"
            " const r = el.getBoundingClientRect(); return [el.outerHTML.slice(0, 80), r.top]; }"
        )
        if box and box[1] < header_bottom - 1:
            hidden.append(box)
    assert not hidden, f"focused under the header ({header_bottom}px): {hidden[:3]}"


def test_the_live_ranking_announces_a_summary_not_the_whole_list(page, site, plan):
    url = reverse("platforms:plan_platforms", args=[site.organization.slug, plan.pk])
    open_as_admin(page, site, url)
    assert page.locator("[aria-live]:has(.ranking-item)").count() == 0
    status = page.locator("#ranking-status")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text() == ""
    page.fill("input[name='seg-1-age_max']", "50")  # The live ranking follows (htmx).
    expect(status).not_to_have_text("")
    text = status.text_content()
    first = page.locator("#ranking .ranking-item h3").first.inner_text().strip()
    assert text.startswith("Classement mis à jour") and first in text, text
    assert len(text.split()) < 20, text  # A sentence, not the ~900 words of the ranking.
