from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin

from .models import ROLE_HELP, Organization, Role

User = get_user_model()

#: A bound for password fields (never cleaned, only hashed): far above any real password, so a
#: megabyte-long one is refused before reaching the hasher and the validators.
PASSWORD_MAX_LENGTH = 4096
#: An invited address becomes the account's username, whose column is shorter than an e-mail's.
INVITATION_EMAIL_MAX_LENGTH = User._meta.get_field("username").max_length


def _role_help() -> str:
    return " ".join(
        gettext("%(role)s: %(help)s") % {"role": Role(r).label, "help": h}
        for r, h in ROLE_HELP.items()
    )


def _role_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        # Lazy: the fields are built at import time, the text is read in the reader's language.
        help_text=lazy(_role_help, str)(),
        **kwargs,
    )


class MemberChoiceField(forms.ModelChoiceField):
    """One of an organisation's members (``queryset``: ``selectors.member_user_list``), by
    name, or by e-mail address when they gave none: the owner of a plan, a risk or a goal."""

    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.email


class LoginForm(CrispyFormMixin, AuthenticationForm):
    """Log in with the e-mail address (the username of every Vitrine account)."""

    submit_label = _("Log in")

    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check both and try "
            "again (the password is case-sensitive)."
        ),
        "inactive": _("This account is inactive."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class InvitationForm(CrispyFormMixin, forms.Form):
    submit_label = _("Send the invitation")
    email = forms.EmailField(label=_("E-mail address"), max_length=INVITATION_EMAIL_MAX_LENGTH)
    role = _role_field(initial=Role.EDITOR)


class RoleForm(CrispyFormMixin, forms.Form):
    submit_label = _("Change the role")
    role = _role_field()


class SignupForm(CrispyFormMixin, forms.Form):
    """Create the account that accepts an invitation (the e-mail comes from the invitation)."""

    submit_label = _("Create my account and join")

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error(
                "password2",
                ValidationError(_("The two passwords differ."), code="password_mismatch"),
            )
        if p1:
            user = User(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OrganizationForm(CrispyFormMixin, forms.ModelForm):
    submit_label = _("Save")
    timezone = forms.TypedChoiceField(label=_("Time zone"), choices=())

    class Meta:
        model = Organization
        fields = ["name", "kind", "language", "timezone", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        import zoneinfo

        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [
            (tz, tz) for tz in sorted(zoneinfo.available_timezones())
        ]
