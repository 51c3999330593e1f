from django import forms

from core.forms import CleanTextFormMixin

from ..models import GoalTransition


class GoalReviewForm(CleanTextFormMixin, forms.Form):
    """A review panel's button: which step (the workflow checks the name), an optional comment
    (required to request changes: the workflow says so) and the goal's version on the page."""

    transition = forms.CharField(required=False, max_length=30)
    comment = forms.CharField(
        required=False,
        max_length=GoalTransition._meta.get_field("comment").max_length,
        widget=forms.Textarea,
    )
    version = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
