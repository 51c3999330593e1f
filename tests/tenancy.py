"""Walk every URL under /o/<org_slug>/ so that each new page is tenancy-tested automatically.

A URL keyword other than ``org_slug`` needs a provider below: a function that, given an
organisation, creates an object of that organisation (with factories) and returns the value
for the URL. A new URL with an unknown keyword makes ``test_every_org_url_has_providers`` fail.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role
from core.urls import ORG_PREFIX
from planner.models import Plan

from .factories import (
    BenefitRiskFactory,
    ChannelFactory,
    GoalFactory,
    ImageFormatFactory,
    ImportBatchFactory,
    InvitationFactory,
    MembershipFactory,
    NotificationFactory,
    ObjectiveFactory,
    PlanFactory,
    PlatformChoiceFactory,
    PostStatFactory,
    SourceImageFactory,
)

#: Shared reference rows (the platform catalogue) are addressed by code; they are the same
#: for every organisation, so only the organisation-owned keywords make a URL "another org's".
SHARED_PLATFORM = "tenancytest"
SHARED_FORMAT = "square"
#: A month in the grid's URLs, and a dashboard chart: the same words in every organisation.
SHARED_MONTH = "2026-01"
SHARED_CHART = "views"


def _shared_platform_code(org, built) -> str:
    ImageFormatFactory(platform__code=SHARED_PLATFORM, code=SHARED_FORMAT)
    return SHARED_PLATFORM


def _image_pk(org, built) -> int:
    # The image pages (e.g. the ZIP of every format) need at least one format in the catalogue.
    ImageFormatFactory(platform__code=SHARED_PLATFORM, code=SHARED_FORMAT)
    return SourceImageFactory(organization=org).pk


def _plan_kwargs(org, built) -> dict:
    """The plan of the same URL when there is one, else a new plan of ``org``.

    The plan itself rather than its id: a factory that builds parents (an objective's cascade)
    puts them in ``plan``, which a bare ``plan_id`` would leave to a plan of its own.
    """
    if "plan_pk" in built:
        return {"plan": Plan.objects.get(pk=built["plan_pk"])}
    return {"plan": PlanFactory(organization=org)}


def _goal_pk(org, built) -> int:
    plan = _plan_kwargs(org, built)["plan"]
    return GoalFactory(plan=plan, objective=ObjectiveFactory(plan=plan)).pk


def _channel(org, built):
    from platforms.models import Channel

    if "channel_pk" in built:
        return Channel.objects.get(pk=built["channel_pk"])
    return ChannelFactory(organization=org)


def _choice_pk(org, built) -> int:
    # The choice belongs to the plan of the same URL when there is one.
    if "plan_pk" in built:
        return PlatformChoiceFactory(plan_id=built["plan_pk"]).pk
    return PlatformChoiceFactory(plan__organization=org).pk


#: URL keyword → function(org, already built keywords) returning the value for an object
#: of ``org``. Keywords are built in URL order, so a child can reuse its parent.
PROVIDERS: dict[str, Callable] = {
    "member_pk": lambda org, built: MembershipFactory(organization=org).pk,
    "invitation_pk": lambda org, built: InvitationFactory(organization=org).pk,
    "plan_pk": lambda org, built: PlanFactory(organization=org).pk,
    "channel_pk": lambda org, built: ChannelFactory(organization=org).pk,
    "choice_pk": _choice_pk,
    "image_pk": _image_pk,
    # Steps 1 and 2: a register line, an objective and a SMART goal of the URL's plan.
    "item_pk": lambda org, built: BenefitRiskFactory(**_plan_kwargs(org, built)).pk,
    "objective_pk": lambda org, built: ObjectiveFactory(**_plan_kwargs(org, built)).pk,
    "goal_pk": _goal_pk,
    "notification_pk": lambda org, built: NotificationFactory(organization=org).pk,
    # Step 7: a post's figures (on the URL's channel when there is one) and an import.
    "poststat_pk": lambda org, built: (
        PostStatFactory(channel=_channel(org, built), organization=org).pk
    ),
    "batch_pk": lambda org, built: ImportBatchFactory(organization=org).pk,
    "month": lambda org, built: SHARED_MONTH,
    "chart": lambda org, built: SHARED_CHART,
    "platform_code": _shared_platform_code,
    "format_code": lambda org, built: SHARED_FORMAT,
}
SHARED_KEYWORDS = {"platform_code", "format_code", "month", "chart"}


#: The least role each permission needs, written out here (as the README's role table says)
#: rather than read from ``core.permissions``: a predicate that lets a manager do an admin's
#: job then fails the walker instead of agreeing with it.
REQUIRED_ROLE = {
    "view": Role.VIEWER,
    "enter_statistics": Role.CONTRIBUTOR,
    "edit_plan": Role.EDITOR,
    "edit_channel": Role.EDITOR,
    "edit_catalogue_note": Role.EDITOR,
    "edit_image": Role.EDITOR,
    "review_plan": Role.MANAGER,
    "manage_members": Role.ADMIN,
    "manage_organization": Role.ADMIN,
}


def roles_below(role: str) -> list[str]:
    return Role.values[: Role.rank(role)]


@dataclass(frozen=True)
class OrgUrl:
    name: str
    keywords: tuple[str, ...]
    #: The permission predicate the page needs (``OrgViewMixin.permission``); ``None`` for a
    #: function view, whose rule cannot be read.
    permission: str | None = None
    #: The predicate its unsafe methods need when stricter than ``permission``.
    write_permission: str | None = None
    #: Whether the view answers GET at all (else a member with the role gets a 405).
    accepts_get: bool = True

    def __str__(self) -> str:
        return self.name

    def allows(self, role: str) -> bool | None:
        """Whether a member with ``role`` may open the page (None when it cannot be read)."""
        if self.permission is None:
            return None
        return Role.rank(role) >= Role.rank(REQUIRED_ROLE[self.permission])

    @property
    def write_role(self) -> str | None:
        """The least role that may POST here (None for a function view)."""
        if self.permission is None:
            return None
        return REQUIRED_ROLE[self.write_permission or self.permission]

    @property
    def owned_keywords(self) -> tuple[str, ...]:
        return tuple(k for k in self.keywords if k not in SHARED_KEYWORDS)

    def build(self, org, objects_org=None) -> str:
        """The URL in ``org``, with objects created in ``objects_org`` (default: ``org``)."""
        kwargs: dict = {}
        for keyword in self.keywords:
            kwargs[keyword] = PROVIDERS[keyword](objects_org or org, kwargs)
        return reverse(self.name, kwargs={"org_slug": org.slug, **kwargs})


def _walk(patterns, prefix="", namespace="") -> Iterator[tuple[str, str, URLPattern]]:
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, route, ns)
        elif p.name:
            yield route, namespace + p.name, p


def org_urls() -> list[OrgUrl]:
    urls = []
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(ORG_PREFIX):
            keywords = tuple(k for k in pattern.pattern.converters if k != "org_slug")
            view = getattr(pattern.callback, "view_class", None)
            urls.append(
                OrgUrl(
                    name,
                    keywords,
                    permission=getattr(view, "permission", None),
                    write_permission=getattr(view, "write_permission", None),
                    accepts_get=view is None
                    or ("get" in view.http_method_names and hasattr(view, "get")),
                )
            )
    return sorted(urls, key=lambda u: u.name)


ORG_URLS = org_urls()
