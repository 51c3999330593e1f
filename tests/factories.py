"""factory_boy factories shared by every test module."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import ActivityEntry, Invitation, Membership, Organization, Role

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.SelfAttribute("email")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Bibliothèque {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organization.Kind.PUBLIC_LIBRARY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.EDITOR


class InvitationFactory(factory.django.DjangoModelFactory):
    """Pass ``token="..."`` to know the link's token; it is stored hashed."""

    class Meta:
        model = Invitation
        exclude = ("token",)

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.EDITOR
    token = factory.Sequence(lambda n: f"token-{n}")
    token_hash = factory.LazyAttribute(lambda o: Invitation.hash_token(o.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class ActivityEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityEntry

    organization = factory.SubFactory(OrganizationFactory)
    verb = "channel.create"
    params = factory.Sequence(lambda n: {"name": f"Channel {n}"})


# Planner and platforms ----------------------------------------------------------------------


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "planner.Plan"

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")


class PlatformFactory(factory.django.DjangoModelFactory):
    """A platform outside the real catalogue (tests that need the real one load it)."""

    class Meta:
        model = "platforms.Platform"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"testbook{n}")
    name = factory.LazyAttribute(lambda o: o.code.capitalize())
    age_min = 18
    age_max = 64
    content_types = factory.LazyFunction(lambda: ["text", "image", "video"])
    features = factory.LazyFunction(lambda: ["Groups"])
    min_account_age = 13
    source = "Test source"
    source_year = factory.LazyFunction(lambda: timezone.localdate().year)  # never stale


class ImageFormatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "platforms.ImageFormat"
        django_get_or_create = ("platform", "code")

    platform = factory.SubFactory(PlatformFactory)
    code = "square"
    label = "Square post"
    width = 1080
    height = 1080
    source = "Test source"
    year = 2025


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "platforms.Channel"

    organization = factory.SubFactory(OrganizationFactory)
    platform = factory.SubFactory(PlatformFactory)
    name = factory.Sequence(lambda n: f"Channel {n}")
    handle = factory.Sequence(lambda n: f"@channel{n}")


class PlatformBriefFactory(factory.django.DjangoModelFactory):
    """A plan's saved step-3 audience settings (content types and goal)."""

    class Meta:
        model = "platforms.PlatformBrief"

    plan = factory.SubFactory(PlanFactory)
    content_types = factory.LazyFunction(lambda: ["image", "video"])


class AudienceSegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "platforms.AudienceSegment"

    plan = factory.SubFactory(PlanFactory)
    label = "Adults"
    age_min = 25
    age_max = 54


class PlatformChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "platforms.PlatformChoice"

    plan = factory.SubFactory(PlanFactory)
    platform = factory.SubFactory(PlatformFactory)
    platform_name = factory.LazyAttribute(lambda o: o.platform.name)
    priority = 2  # Secondary: a plan has one main platform, so several choices can be built.
    rationale = "Our families are there."


class SourceImageFactory(factory.django.DjangoModelFactory):
    """A real small JPEG, stored in MEDIA_ROOT (tests point MEDIA_ROOT at a temp dir)."""

    class Meta:
        model = "platforms.SourceImage"

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=640, height=480, format="JPEG", color="teal")


class BenefitRiskFactory(factory.django.DjangoModelFactory):
    """A risk of the team's own words (``kind="benefit"`` with no scale for a benefit)."""

    class Meta:
        model = "planner.BenefitRisk"

    plan = factory.SubFactory(PlanFactory)
    kind = "risk"
    title = factory.Sequence(lambda n: f"Risk {n}")
    likelihood = 3
    impact = 4
    mitigation = "A second person can post."


class ObjectiveFactory(factory.django.DjangoModelFactory):
    """A social-media objective under a marketing objective under an organisational one."""

    class Meta:
        model = "planner.Objective"

    plan = factory.SubFactory(PlanFactory)
    level = "social_media"
    parent = factory.LazyAttribute(
        lambda o: (
            ObjectiveFactory(
                plan=o.plan,
                level="marketing",
                parent=ObjectiveFactory(plan=o.plan, level="organisation", parent=None),
            )
            if o.level == "social_media"
            else None
        )
    )
    title = factory.Sequence(lambda n: f"Objective {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "planner.Goal"

    plan = factory.SubFactory(PlanFactory)
    objective = factory.LazyAttribute(lambda o: ObjectiveFactory(plan=o.plan))
    statement = factory.Sequence(lambda n: f"Create 5 events a month ({n})")
    metric = "events_created"
    baseline = 2
    target = 5
    unit = "events a month"
    starts_on = factory.LazyFunction(lambda: timezone.localdate())
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=180))


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.Notification"

    organization = factory.SubFactory(OrganizationFactory)
    recipient = factory.SubFactory(UserFactory)
    code = "goal.submitted"
    params = factory.LazyFunction(lambda: {"goal": "Create 5 events a month"})


class MonthlyStatFactory(factory.django.DjangoModelFactory):
    """A channel's month; the organisation follows the channel's."""

    class Meta:
        model = "analytics.MonthlyStat"

    channel = factory.SubFactory(ChannelFactory)
    organization = factory.SelfAttribute("channel.organization")
    month = factory.Sequence(
        lambda n: (
            timezone.localdate().replace(day=1) - timedelta(days=31 * (n % 240 + 1))
        ).replace(day=1)
    )
    views = 1200
    interactions = 80
    followers = 900
    posts_published = 12


class PostStatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "analytics.PostStat"

    channel = factory.SubFactory(ChannelFactory)
    organization = factory.SelfAttribute("channel.organization")
    published_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=20))
    title = factory.Sequence(lambda n: f"Post {n}")
    views = 500
    interactions = 25


class ImportBatchFactory(factory.django.DjangoModelFactory):
    """An uploaded monthly file waiting in its preview (the file holds one valid header)."""

    class Meta:
        model = "analytics.ImportBatch"

    organization = factory.SubFactory(OrganizationFactory)
    kind = "monthly"
    layout = "monthly"
    filename = "stats.csv"
    file = factory.django.FileField(
        filename="stats.csv", data=b"month,channel,views,interactions\n"
    )
    status = "ready"


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "analytics.Evaluation"

    plan = factory.SubFactory(PlanFactory)
    lessons = "Publishing through the university's page reached far more people."
