"""A plan's lessons learned (the evaluation page's form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin

from ..models import Evaluation


class LessonsForm(CrispyFormMixin, forms.ModelForm):
    submit_label = _("Save the lessons learned")

    class Meta:
        model = Evaluation
        fields = ["lessons"]
        widgets = {"lessons": forms.Textarea(attrs={"rows": 8})}
