"""The one tenancy mechanism: every business row reaches an Organization.

Models inherit ``OrgScopedModel`` (or declare ``org_path`` when the organisation is reached
through a parent) and are always fetched with ``Model.objects.for_org(org)``. Selectors use
``get_for_org``, which raises the model's ``DoesNotExist`` for another organisation's object
exactly as for a missing one; views call selectors through ``get_or_404``, which turns that
domain "not found" into a 404 (a management command catches it instead).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404
from django.urls import reverse
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
    """One object of ``org``, else the model's ``DoesNotExist`` (missing and not-yours alike)."""
    qs = model_or_qs if isinstance(model_or_qs, models.QuerySet) else model_or_qs.objects.all()
    return qs.for_org(org).get(**lookup)


def get_or_404(selector, **kwargs):
    """Call a ``*_get`` selector; its domain "not found" becomes the view's 404."""
    try:
        return selector(**kwargs)
    except ObjectDoesNotExist as error:
        raise Http404(str(error)) from error


def org_reverse(name: str, org, **kwargs) -> str:
    """The URL of organisation page ``name`` (``/o/<org_slug>/...``)."""
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})
