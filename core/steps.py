"""The seven steps of the method (source: the training deck's "Plan de la formation").

Each step names the URL of its area; until that area exists its URL names are ``None`` and the
home page shows what the step will contain instead of a dead link. A name that is given must
reverse: a typo is an error, not a silent "coming soon".

A step has up to two pages: the organisation's (``url_name``, e.g. the selection matrix) and a
plan's (``plan_url_name``, e.g. a plan's platforms). ``plan_summary_template`` is what the plan
page shows of the step's content; it reads only what ``plan_overview_get`` loads, and the
step's completion (``planner.completion``) as ``completion``.

``copy`` is the dotted path of the function that copies what a plan holds for the step into
another plan (``planner.services.plan.plan_duplicate``): each step copies its own rows, so a
step added later brings its copy with it and the plan never imports the apps above it.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    question: str
    contents: tuple[str, ...]
    icon: str
    url_name: str | None = None
    plan_url_name: str | None = None
    #: The organisation page's name, as a secondary link once the card opens a plan's page.
    url_label: str = ""
    plan_summary_template: str | None = None
    #: ``copy(*, source, target, shift, actor)``, see ``planner.services.copy``.
    copy: str | None = None
    #: ``progress(goal, *, today=None) -> planner.selectors.objectives.Progress``: the step
    #: that measures SMART goals (step 7), see ``planner.selectors.objectives``.
    progress: str | None = None
    #: ``counts() -> dict`` of annotations on plans (subqueries on ``OuterRef("pk")``) that
    #: ``planner.selectors.plan`` adds to each step's counts; see ``planner.completion``.
    counts: str | None = None

    def url_for(self, org) -> str | None:
        return _reverse(self.url_name, org_slug=org.slug)

    def url_for_plan(self, plan) -> str | None:
        return _reverse(self.plan_url_name, org_slug=plan.organization.slug, plan_pk=plan.pk)


def step_links(org, plan=None) -> list[tuple[Step, str | None, str | None]]:
    """``(step, url, org_url)`` for each step's card on the organisation home.

    ``url`` opens the step in ``plan`` (the current plan) when the step has a plan page, else
    the organisation's page; ``org_url`` is then the organisation's page as a second link
    (``None`` when it is already ``url`` or does not exist).
    """
    links = []
    for step in STEPS:
        org_url = step.url_for(org)
        plan_url = step.url_for_plan(plan) if plan is not None else None
        links.append((step, plan_url or org_url, org_url if plan_url else None))
    return links


def _reverse(name: str | None, **kwargs) -> str | None:
    if not name:
        return None
    return reverse(name, kwargs=kwargs)


STEPS = (
    Step(
        1,
        _("Getting started"),
        _("What are the benefits and the risks?"),
        (
            _("Benefits: visibility, reputation, web traffic, feedback, free of charge"),
            _("Risks: time, consistency, negative comments, crises, hacking"),
            _("Your own assessment, shared with your team"),
        ),
        "lightbulb",
        plan_url_name="planner:benefits",
        plan_summary_template="planner/_step1_summary.html",
        copy="planner.services.copy.benefits_risks_copy",
    ),
    Step(
        2,
        _("Objectives"),
        _("For whom, and why?"),
        (
            _("Organisation → marketing → social-media objectives"),
            _("SMART goals with a baseline, a target and a deadline"),
            _("Review and approval by a manager"),
        ),
        "bullseye",
        plan_url_name="planner:objectives",
        plan_summary_template="planner/_step2_summary.html",
        copy="planner.services.copy.objectives_copy",
    ),
    Step(
        3,
        _("Platforms"),
        _("Which platforms for your audiences?"),
        (
            _("Selection matrix from the demographic table"),
            _("Recommendations explained, with sources and years"),
            _("Your accounts and your partners' channels"),
        ),
        "diagram-3",
        url_name="platforms:matrix",
        plan_url_name="platforms:plan_platforms",
        url_label=_("Selection matrix"),
        plan_summary_template="platforms/_plan_summary.html",
        copy="platforms.services.copy.plan_platforms_copy",
    ),
    Step(
        4,
        _("Content"),
        _("What will you publish?"),
        (
            _("Strategy → campaign → tactic"),
            _("Content pillars"),
            _("Personas and empathy maps"),
        ),
        "collection",
    ),
    Step(
        5,
        _("Daily management"),
        _("Who posts what, when, where?"),
        (
            _("Editorial calendar"),
            _("Assignments and reminders"),
            _("Calendar feed for your agenda"),
        ),
        "calendar-week",
    ),
    Step(
        6,
        _("Communities"),
        _("How will you look after your communities?"),
        (
            _("House rules and reply templates"),
            _("Crisis plan"),
            _("Account security checklist"),
        ),
        "people",
    ),
    Step(
        7,
        _("Evaluation"),
        _("Is it working?"),
        (
            _("Monthly statistics per channel"),
            _("Statistics per post, own and partner channels"),
            _("Progress towards the SMART goals"),
        ),
        "graph-up-arrow",
        url_name="analytics:dashboard",
        plan_url_name="analytics:plan_evaluation",
        url_label=_("Statistics dashboard"),
        plan_summary_template="analytics/_plan_summary.html",
        progress="analytics.selectors.progress.goal_progress",
        counts="analytics.selectors.progress.plan_evaluation_counts",
    ),
)
