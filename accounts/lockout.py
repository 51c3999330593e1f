"""Brute-force protection of the doors that take a secret: login, password reset, invitations.

django-axes locks an account (by e-mail), and an address, after ``AXES_FAILURE_LIMIT`` failed
logins; the throttles of ``core.throttle`` refuse an address that asks for many reset e-mails
or guesses invitation links. Every refusal says when to try again, in the reader's
language and time zone, and answers 429.
"""

from datetime import datetime

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from core.throttle import Limit

from .forms import LoginForm

#: Reset e-mails asked for one address, and from one client address.
PASSWORD_RESET_EMAIL = Limit("reset-email", settings.PASSWORD_RESET_LIMIT, settings.LOCKOUT_WINDOW)
PASSWORD_RESET_IP = Limit("reset-ip", settings.PASSWORD_RESET_IP_LIMIT, settings.LOCKOUT_WINDOW)
#: Unknown, used or expired invitation links and refused sign-ups, from one client address.
INVITATION_IP = Limit("invitation-ip", settings.INVITATION_FAILURE_LIMIT, settings.LOCKOUT_WINDOW)


def axes_username(request, credentials) -> str:
    """The e-mail as the login form cleans it, so that "Alice@…" and "alice@…" share a count."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()


def try_again_message(until: datetime) -> str:
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    return _("Try again after %(time)s (in %(minutes)s min).") % {
        "time": time_format(timezone.localtime(until)),
        "minutes": minutes,
    }


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' refusal: the login page again, with when the account opens again."""
    until = timezone.now() + settings.AXES_COOLOFF_TIME
    return login_refused(
        request,
        LoginForm(request, initial={"username": axes_username(request, credentials)}),
        _(
            "Too many failed logins for this account or from your network: logging in is "
            "paused for their safety. %(try_again)s An administrator can unlock it sooner."
        )
        % {"try_again": try_again_message(until)},
    )


def login_refused(request, form, message: str):
    return render(request, "accounts/login.html", {"form": form, "refusal": message}, status=429)
