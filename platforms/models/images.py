"""The image library: pictures uploaded once and cropped to each platform's formats."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import actor_field
from core.tenancy import OrgScopedModel


class SourceImage(OrgScopedModel):
    """An uploaded picture (re-encoded, metadata stripped) to crop for each platform."""

    title = models.CharField(_("title"), max_length=200)
    file = models.ImageField(
        _("image"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    focal_x = models.FloatField(
        _("focal point, horizontal"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    focal_y = models.FloatField(
        _("focal point, vertical"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    uploaded_by = actor_field(_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.title
