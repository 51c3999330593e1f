"""Forms of the image library: upload an image, set its focal point, choose platforms for a ZIP."""

from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from core.images import limits_text

ACCEPTED_TYPES = "image/jpeg,image/png,image/webp"


class ImageUploadForm(CrispyFormMixin, forms.Form):
    """Title and file only: the file is checked and re-encoded by ``core.images.sanitize_image``
    (through the upload service), so every rejection reads the same whatever its cause."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For you and your team, e.g. “Reading room, spring 2025”."),
    )
    file = forms.FileField(
        label=_("Image"),
        # An empty file is reported by sanitize_image, with the same wording as other rejections.
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )

    submit_label = _("Upload")
    submit_name = "upload"
    form_attrs = {"enctype": "multipart/form-data"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read from the limits sanitize_image applies, in the language of this request.
        self.fields["file"].help_text = limits_text()


class FocalPointForm(CrispyFormMixin, forms.Form):
    """The point to keep in every crop, in percent of the width and height (0–100)."""

    focal_x = forms.DecimalField(
        label=_("Horizontal (%)"),
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        help_text=_("0 = left edge, 100 = right edge"),
        widget=forms.NumberInput(attrs={"step": "0.1", "data-focal-input": "x"}),
    )
    focal_y = forms.DecimalField(
        label=_("Vertical (%)"),
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        help_text=_("0 = top edge, 100 = bottom edge"),
        widget=forms.NumberInput(attrs={"step": "0.1", "data-focal-input": "y"}),
    )

    submit_label = _("Save the focal point")
    submit_name = "save_focal"
    form_attrs = {"id": "focal-form"}

    def layout(self):
        return Layout(
            Row(Column("focal_x", css_class="col-sm-6"), Column("focal_y", css_class="col-sm-6"))
        )

    @classmethod
    def initial_for(cls, image) -> dict:
        return {"focal_x": round(image.focal_x * 100, 1), "focal_y": round(image.focal_y * 100, 1)}

    def fractions(self) -> tuple[float, float]:
        """The cleaned point as fractions (0–1), the unit stored on the model."""
        return (
            float(self.cleaned_data["focal_x"]) / 100,
            float(self.cleaned_data["focal_y"]) / 100,
        )
