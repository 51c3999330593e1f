"""Login, invitations, members and organisation settings. Views stay thin: services decide."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, ListView

from core.forms import ServiceFormMixin
from core.generic import ConfirmView
from core.integrity import integrity_errors
from core.listing import ListingMixin
from core.permissions import OrgObjectMixin, OrgViewMixin, can_manage_members
from core.tenancy import get_or_404, org_reverse
from core.throttle import client_ip, throttle_blocked_until, throttle_hit

from . import lockout, selectors, services
from .forms import InvitationForm, LoginForm, OrganizationForm, RoleForm, SignupForm
from .models import Invitation, Membership


class LoginView(auth_views.LoginView):
    """Log in; django-axes locks out repeated failures (``accounts.lockout``)."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """Send a reset link, at most ``PASSWORD_RESET_LIMIT`` times per address and window.

    The count is kept whether or not the address has an account, so the refusal reveals
    nothing about who is registered.
    """

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        limits = [
            (lockout.PASSWORD_RESET_EMAIL, email),
            (lockout.PASSWORD_RESET_IP, client_ip(self.request)),
        ]
        blocked = [
            until for limit, ident in limits if (until := throttle_blocked_until(limit, ident))
        ]
        if blocked:
            form.add_error(
                None,
                _("Several links were already sent. %(try_again)s")
                % {"try_again": lockout.try_again_message(max(blocked))},
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        for limit, ident in limits:
            throttle_hit(limit, ident)
        return super().form_valid(form)


class InvitationAcceptView(View):
    """The single-use link of an invitation: join as the logged-in user or create an account."""

    template_name = "accounts/invitation_accept.html"

    def dispatch(self, request, token):
        # Links that do not work are counted per address: guessing tokens gets refused.
        until = throttle_blocked_until(lockout.INVITATION_IP, client_ip(request))
        if until:
            message = _("Too many invitation links that do not work. %(try_again)s") % {
                "try_again": lockout.try_again_message(until)
            }
            return render(
                request, "accounts/invitation_invalid.html", {"error": message}, status=429
            )
        self.invitation = selectors.invitation_find_by_token(token=token)
        try:
            services.invitation_check(invitation=self.invitation)
        except ValidationError as error:
            throttle_hit(lockout.INVITATION_IP, client_ip(request))
            return render(
                request,
                "accounts/invitation_invalid.html",
                {"error": error.messages[0]},
                status=410 if self.invitation else 404,
            )
        self.existing_user = selectors.user_get_by_email(email=self.invitation.email)
        return super().dispatch(request, token)

    def _context(self, form=None):
        user = self.request.user
        return {
            "invitation": self.invitation,
            "form": form,
            "wrong_user": user.is_authenticated
            and user.email.lower() != self.invitation.email.lower(),
            "needs_login": not user.is_authenticated and self.existing_user is not None,
        }

    def _form(self, data=None):
        if self.request.user.is_authenticated or self.existing_user:
            return None
        return SignupForm(data, email=self.invitation.email)

    def get(self, request, token):
        return render(request, self.template_name, self._context(self._form()))

    def post(self, request, token):
        context = self._context(self._form(request.POST))
        if context["wrong_user"] or context["needs_login"]:
            return render(request, self.template_name, context, status=400)
        form = context["form"]
        if form is not None and not form.is_valid():
            return render(request, self.template_name, context, status=400)
        try:
            # The same link opened twice at once: the second waits for the first, then is told
            # the invitation was used (``invitation_accept`` locks it); a unique row another
            # request created meanwhile (the account) is a message too, never a 500.
            with integrity_errors():
                if form is None:
                    membership = services.invitation_accept(
                        invitation=self.invitation, user=request.user
                    )
                else:
                    membership = services.invitation_accept(
                        invitation=self.invitation,
                        first_name=form.cleaned_data["first_name"],
                        last_name=form.cleaned_data["last_name"],
                        password=form.cleaned_data["password1"],
                    )
        except ValidationError as error:
            return render(
                request,
                "accounts/invitation_invalid.html",
                {"error": error.messages[0]},
                status=409 if getattr(error, "code", None) == "conflict" else 410,
            )
        if form is not None:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to %(org)s!") % {"org": membership.organization.name})
        return redirect(membership.organization.get_absolute_url())


class MemberListView(ListingMixin, OrgViewMixin, ListView):
    template_name = "accounts/member_list.html"
    context_object_name = "memberships"
    paginate_by = 25
    sorts = {
        "name": gettext_lazy("Name"),
        "role": gettext_lazy("Role"),
        "joined": gettext_lazy("Member since"),
    }

    def get_queryset(self):
        return selectors.membership_list(org=self.org, filters=self.filters)

    def get_context_data(self, **kwargs):
        if can_manage_members(self.membership):
            kwargs["invitations"] = selectors.invitation_pending_list(org=self.org)
            kwargs["sole_admin_pk"] = selectors.membership_sole_admin_pk(org=self.org)
        return super().get_context_data(**kwargs)


def members_url(org) -> str:
    return org_reverse("accounts:member_list", org)


class MembersPageMixin:
    """Pages under the member list start their trail with it."""

    def get_breadcrumbs(self):
        return [(_("Members"), members_url(self.org))]


class MemberInviteView(MembersPageMixin, ServiceFormMixin, OrgViewMixin, FormView):
    permission = "manage_members"
    form_class = InvitationForm
    template_name = "accounts/member_invite.html"
    error_field = "email"

    def perform(self, form):
        return services.invitation_create(
            org=self.org,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            actor=self.request.user,
            base_url=self.request.build_absolute_uri("/"),
        )

    def success_message(self, invitation):
        return _("Invitation sent to %(email)s. The link works once, for %(days)s days.") % {
            "email": invitation.email,
            "days": settings.INVITATION_TTL_DAYS,
        }

    def get_success_url(self, invitation):
        return members_url(self.org)


class MemberObjectMixin(MembersPageMixin, OrgObjectMixin):
    permission = "manage_members"

    @cached_property
    def target(self) -> Membership:
        return get_or_404(selectors.membership_get, org=self.org, pk=self.kwargs["member_pk"])

    def get_org_object(self):
        return self.target

    def get_context_data(self, **kwargs):
        return super().get_context_data(target=self.target, **kwargs)


class MemberRoleUpdateView(ServiceFormMixin, MemberObjectMixin, FormView):
    form_class = RoleForm
    template_name = "accounts/member_role.html"
    error_field = "role"

    def get_initial(self):
        return {"role": self.target.role}

    def perform(self, form):
        return services.membership_change_role(
            membership=self.target, role=form.cleaned_data["role"], actor=self.request.user
        )

    def success_message(self, target):
        return _("%(user)s is now %(role)s.") % {
            "user": target.user.get_full_name() or target.user.email,
            "role": target.get_role_display(),
        }

    def get_success_url(self, target):
        return members_url(self.org)


class MemberRemoveView(MemberObjectMixin, ConfirmView):
    confirm_title = gettext_lazy("Remove a member")
    confirm_label = gettext_lazy("Remove")

    def confirm_subject(self):
        return self.target.user.get_full_name() or self.target.user.email

    def confirm_message(self):
        user = self.target.user
        return _("%(who)s will no longer have access to %(org)s. What they created stays.") % {
            "who": user.get_full_name() or user.email,
            "org": self.org.name,
        }

    def get_cancel_url(self):
        return members_url(self.org)

    def get_success_url(self):
        # Leaving an organisation yourself: its pages are no longer yours to see.
        if self.target.user_id == self.request.user.id:
            return reverse("core:start")
        return members_url(self.org)

    def perform(self):
        services.membership_remove(membership=self.target, actor=self.request.user)
        return _("%(user)s no longer has access.") % {"user": self.target.user.email}


class InvitationRevokeView(MembersPageMixin, OrgObjectMixin, ConfirmView):
    permission = "manage_members"
    confirm_title = gettext_lazy("Withdraw an invitation")
    confirm_label = gettext_lazy("Withdraw")

    @cached_property
    def invitation(self) -> Invitation:
        pk = self.kwargs["invitation_pk"]
        return get_or_404(selectors.invitation_pending_get, org=self.org, pk=pk)

    def get_org_object(self):
        return self.invitation

    def confirm_subject(self):
        return self.invitation.email

    def confirm_message(self):
        return _("The link sent to %(email)s will stop working.") % {"email": self.invitation.email}

    def get_cancel_url(self):
        return members_url(self.org)

    def perform(self):
        services.invitation_revoke(invitation=self.invitation, actor=self.request.user)
        return _("The invitation for %(email)s was withdrawn.") % {"email": self.invitation.email}


class OrganizationSettingsView(ServiceFormMixin, OrgViewMixin, FormView):
    permission = "manage_organization"
    form_class = OrganizationForm
    template_name = "accounts/organization_settings.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.org}

    def perform(self, form):
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.organization_update(org=self.org, actor=self.request.user, **fields)

    def success_message(self, org):
        return _("The organisation settings were saved.")

    def get_success_url(self, org):
        return org_reverse("accounts:organization_settings", self.org)


class ActivityListView(OrgViewMixin, ListView):
    template_name = "accounts/activity_list.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        return selectors.activity_list(org=self.org)


# Notifications ---------------------------------------------------------------------------------


def notifications_url(org) -> str:
    return org_reverse("accounts:notification_list", org)


class NotificationListView(OrgViewMixin, ListView):
    """The reader's own notifications in this organisation, unread first, in their language."""

    template_name = "accounts/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return selectors.notification_list(org=self.org, user=self.request.user)

    def get_breadcrumbs(self):
        return [(_("Notifications"), None)]


class NotificationWriteMixin:
    """Marking notifications read: POST only. Only people who can act on what they are told
    receive notifications (reviews concern editors and up), so the same rule guards the form
    (a viewer changes nothing anywhere)."""

    http_method_names = ["post"]
    permission = "view"
    write_permission = "edit_plan"


class NotificationOpenView(NotificationWriteMixin, OrgObjectMixin, View):
    """Mark one notification read and go to what it is about."""

    @cached_property
    def notification(self):
        pk = self.kwargs["notification_pk"]
        # Someone else's notification is a 404, as another organisation's.
        return get_or_404(selectors.notification_get, org=self.org, user=self.request.user, pk=pk)

    def get_org_object(self):
        # Reached for a refused method (GET): the organisation's check, like every page.
        pk = self.kwargs["notification_pk"]
        return get_or_404(selectors.notification_of_org_get, org=self.org, pk=pk)

    def post(self, request, *args, **kwargs):
        target = services.notification_open(notification=self.notification)
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            return redirect(target)
        return redirect(notifications_url(self.org))


class NotificationReadAllView(NotificationWriteMixin, OrgViewMixin, View):
    def post(self, request, *args, **kwargs):
        count = services.notification_read_all(org=self.org, user=request.user)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s notification marked as read.",
                    "%(count)s notifications marked as read.",
                    count,
                )
                % {"count": count},
            )
        return redirect(notifications_url(self.org))
