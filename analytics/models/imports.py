"""An import: the file someone uploaded, what was found in it, and how far its commit is."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import actor_field
from core.tenancy import OrgScopedModel


class ImportBatch(OrgScopedModel):
    """One uploaded statistics file, from upload to commit.

    The file is kept (under ``imports/``) so that a worker can read it; ``errors`` holds each
    problem as ``{"line", "column", "code", "params"}`` — a code, rendered in the reader's
    language by ``analytics.importing.errors`` — so a French reader of an English
    contributor's import reads French.
    """

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly statistics")
        POSTS = "posts", _("Post statistics")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        READY = "ready", _("Ready to import")
        INVALID = "invalid", _("Has errors")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    #: Statuses a worker is still busy with (the page polls while the batch is in one).
    RUNNING = (Status.UPLOADED, Status.CHECKING, Status.IMPORTING)

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    #: ``analytics.importing.layouts`` code: "monthly", "posts", "meta", "youtube", "tiktok".
    layout = models.CharField(_("layout"), max_length=20, blank=True)
    channel = models.ForeignKey(
        "platforms.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("channel"),
        help_text=_("For the files downloaded from a network: whose statistics they are."),
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UPLOADED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("rows added"), default=0)
    updated_count = models.PositiveIntegerField(_("rows updated"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    #: The first errors (``analytics.importing`` caps them), each a code with parameters.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    #: What the preview shows: detected columns and the first rows as they will be stored.
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    #: Sums of the file's figures ({"views": N, ...}), to compare with the dashboard.
    totals = models.JSONField(_("totals"), default=dict, blank=True)
    created_by = actor_field(_("imported by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["organization", "-created_at"])]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)
