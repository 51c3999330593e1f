"""The one tenancy mechanism: every business row reaches an Organization.

Models inherit ``OrgScopedModel`` (or declare ``org_path`` when the organisation is reached
through a parent) and are always fetched with ``Model.objects.for_org(org)``; views use
``get_for_org`` so that another organisation's object is a 404, exactly like a missing one.
"""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _


class OrgQuerySet(models.QuerySet):
    #: Lookup path from this model to its Organization, e.g. "plan__organization".
    org_path = "organization"

    def for_org(self, org):
        return self.filter(**{self.org_path: org})


def org_queryset(path: str) -> type[OrgQuerySet]:
    """A queryset class scoped through ``path`` (for models whose parent holds the org)."""
    return type(f"OrgQuerySet_{path}", (OrgQuerySet,), {"org_path": path})


class OrgScopedModel(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    objects = OrgQuerySet.as_manager()

    class Meta:
        abstract = True


def get_for_org(model_or_qs, org, **lookup):
    """Fetch one object of ``org`` or raise Http404 (missing and not-yours look the same)."""
    qs = model_or_qs if isinstance(model_or_qs, models.QuerySet) else model_or_qs.objects.all()
    return get_object_or_404(qs.for_org(org), **lookup)
