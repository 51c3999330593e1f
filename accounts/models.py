"""Organisations, memberships (one role each), invitations and the activity log."""

import hashlib
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import BoundedTextField, actor_field
from core.tenancy import OrgQuerySet, OrgScopedModel


def validate_timezone(value: str) -> None:
    # Not model choices: the tz database changes and would churn migrations.
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."), code="invalid_timezone")


class Organization(models.Model):
    """A library, archive or museum: the tenant that owns every business row."""

    class Kind(models.TextChoices):
        PUBLIC_LIBRARY = "public_library", _("Public library")
        ACADEMIC_LIBRARY = "academic_library", _("Academic library")
        SCHOOL_LIBRARY = "school_library", _("School library")
        ARCHIVES = "archives", _("Archives")
        MUSEUM = "museum", _("Museum")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_timezone],
    )
    description = BoundedTextField(_("description"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:home", kwargs={"org_slug": self.slug})


class Role(models.TextChoices):
    """Roles, from least to most powerful; each includes the rights of the ones before."""

    VIEWER = "viewer", _("Viewer")
    CONTRIBUTOR = "contributor", _("Contributor (statistics)")
    EDITOR = "editor", _("Editor (librarian)")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Administrator")

    @classmethod
    def rank(cls, role: str) -> int:
        return cls.values.index(role)


ROLE_HELP = {
    Role.VIEWER: _("Reads everything, changes nothing."),
    Role.CONTRIBUTOR: _("Enters and imports statistics, marks posts as published."),
    Role.EDITOR: _("Creates and edits plans, objectives, personas, content and the calendar."),
    Role.MANAGER: _("Everything an editor can, plus approving objectives and plans."),
    Role.ADMIN: _("Everything, including members and organisation settings."),
}


class Membership(OrgScopedModel):
    """A person's place in an organisation, with exactly one role."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["organization__name", "user__last_name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                name="unique_membership",
                violation_error_message=_("This person is already a member of the organisation."),
                violation_error_code="already_member",
            ),
        ]
        indexes = [models.Index(fields=["organization", "role"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

    def has_role(self, role: str) -> bool:
        return Role.rank(self.role) >= Role.rank(role)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(OrgQuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(OrgScopedModel):
    """A single-use, expiring invitation. Only a hash of the token is stored."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = actor_field(_("invited by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["organization", "email"])]
        constraints = [
            # A new invitation replaces the open one (``invitation_create``): one per address.
            models.UniqueConstraint(
                "organization",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_address",
                violation_error_message=_(
                    "An invitation to this address was sent at the same moment: it is in the "
                    "pending invitations."
                ),
                violation_error_code="duplicate_invitation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        """Return (token for the link, hash to store)."""
        token = secrets.token_urlsafe(32)
        return token, _hash_token(token)

    @staticmethod
    def hash_token(token: str) -> str:
        return _hash_token(token)

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class ActivityEntry(OrgScopedModel):
    """Who did what, when: written by services for every domain action.

    An entry stores the action's code (``verb``) and plain ``params``; its sentence is rendered
    when read, in the reader's language (``accounts/activity.py``), never stored.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="activity",
        verbose_name=_("organisation"),
    )
    actor = actor_field(_("by"))
    verb = models.CharField(_("action"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity")

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        """What happened, in the active language."""
        from .activity import activity  # the registry reads Role from this module

        return activity.render(self.verb, self.params)


class Notification(OrgScopedModel):
    """Something a person should know (a goal to review, a decision on their goal).

    Stored as a code and plain parameters, rendered when read in the reader's language
    (``accounts/notifications.py``), like the activity log.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("organisation"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    actor = actor_field(_("by"))
    code = models.CharField(_("notification"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    #: The page it is about (a path inside the organisation), opened from the list.
    url = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    #: When its e-mail left (``accounts.tasks.notification_email_send``): a task delivered
    #: twice (``acks_late``) sends each e-mail once.
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.code} → {self.recipient}"

    @property
    def message(self) -> str:
        """What it says, in the active language (the reader's)."""
        from .notifications import notifications

        return notifications.render(self.code, self.params)
