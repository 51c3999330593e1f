"""Generic views every app uses: the one "are you sure?" page.

A confirmation view declares its title, button and what happens; ``perform()`` calls the
service and returns the success message. A ``ValidationError`` from the service (e.g. "an
organisation needs an administrator") is shown as an error message instead, and so is a
uniqueness constraint that a request made at the same moment made the database enforce.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from .integrity import integrity_errors


class ConfirmView(TemplateView):
    """GET shows ``core/confirm.html``; POST performs the action and redirects."""

    template_name = "core/confirm.html"
    confirm_title = ""
    confirm_label = ""
    #: "danger" for what removes or hides something, "primary" for what brings it back.
    confirm_style = "danger"

    def confirm_message(self) -> str:
        raise NotImplementedError

    def confirm_subject(self) -> str:
        """What the action is about (a plan's title, a member's name): the page's title names
        it, so that two confirmation pages of one kind are told apart (WCAG 2.4.2)."""
        raise NotImplementedError

    def get_cancel_url(self) -> str:
        raise NotImplementedError

    def get_success_url(self) -> str:
        return self.get_cancel_url()

    def perform(self) -> str:
        """Do it (through a service) and return the success message."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            confirm_title=self.confirm_title,
            confirm_label=self.confirm_label,
            confirm_style=self.confirm_style,
            confirm_message=self.confirm_message(),
            confirm_subject=self.confirm_subject(),
            cancel_url=self.get_cancel_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            with integrity_errors():
                message = self.perform()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.get_cancel_url())
        messages.success(request, message)
        return redirect(self.get_success_url())
