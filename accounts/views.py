"""Login, invitations, members and organisation settings. Views stay thin: services decide."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView, UpdateView

from core.listing import SortedListMixin
from core.permissions import OrgViewMixin
from core.tenancy import get_for_org

from . import selectors, services
from .forms import InvitationForm, LoginForm, OrganizationForm, RoleForm, SignupForm
from .models import Invitation, Membership, Role


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class InvitationAcceptView(View):
    """The single-use link of an invitation: join as the logged-in user or create an account."""

    template_name = "accounts/invitation_accept.html"

    def dispatch(self, request, token):
        self.invitation = selectors.invitation_get_by_token(token=token)
        try:
            services.invitation_check(invitation=self.invitation)
        except ValidationError as error:
            return render(
                request,
                "accounts/invitation_invalid.html",
                {"error": error.messages[0]},
                status=410 if self.invitation else 404,
            )
        self.existing_user = services.User.objects.filter(
            email__iexact=self.invitation.email
        ).first()
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
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        except ValidationError as error:
            return render(
                request,
                "accounts/invitation_invalid.html",
                {"error": error.messages[0]},
                status=410,
            )
        messages.success(request, _("Welcome to %(org)s!") % {"org": membership.organization.name})
        return redirect(membership.organization.get_absolute_url())


class MemberListView(SortedListMixin, OrgViewMixin, ListView):
    template_name = "accounts/member_list.html"
    context_object_name = "memberships"
    paginate_by = 25
    sorts = {
        "name": gettext_lazy("Name"),
        "role": gettext_lazy("Role"),
        "joined": gettext_lazy("Member since"),
    }

    def get_queryset(self):
        return selectors.membership_list(org=self.org, sort=self.sort)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_groups"] = [self.sort_group()]
        if self.membership.has_role(Role.ADMIN):
            context["invitations"] = selectors.invitation_pending_list(org=self.org)
        return context


class MemberInviteView(OrgViewMixin, FormView):
    required_role = Role.ADMIN
    form_class = InvitationForm
    template_name = "accounts/member_invite.html"

    def form_valid(self, form):
        try:
            services.invitation_create(
                org=self.org,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                actor=self.request.user,
                base_url=self.request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error("email", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Invitation sent to %(email)s. The link works once, for %(days)s days.")
            % {"email": form.cleaned_data["email"], "days": services.settings.INVITATION_TTL_DAYS},
        )
        return redirect("accounts:member_list", org_slug=self.org.slug)


class MemberObjectMixin(OrgViewMixin):
    required_role = Role.ADMIN

    def get_membership(self) -> Membership:
        return get_for_org(
            Membership.objects.select_related("user", "organization"),
            self.org,
            pk=self.kwargs["member_pk"],
        )

    def success(self):
        return redirect("accounts:member_list", org_slug=self.org.slug)


class MemberRoleUpdateView(MemberObjectMixin, FormView):
    form_class = RoleForm
    template_name = "accounts/member_role.html"

    @cached_property
    def target(self) -> Membership:
        return self.get_membership()

    def get_initial(self):
        return {"role": self.target.role}

    def get_context_data(self, **kwargs):
        return super().get_context_data(target=self.target, **kwargs)

    def form_valid(self, form):
        target = self.target
        try:
            services.membership_change_role(
                membership=target, role=form.cleaned_data["role"], actor=self.request.user
            )
        except ValidationError as error:
            form.add_error("role", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(user)s is now %(role)s.")
            % {
                "user": target.user.get_full_name() or target.user.email,
                "role": target.get_role_display(),
            },
        )
        return self.success()


class MemberRemoveView(MemberObjectMixin, TemplateView):
    template_name = "accounts/member_remove.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(target=self.get_membership(), **kwargs)

    def post(self, request, *args, **kwargs):
        target = self.get_membership()
        try:
            services.membership_remove(membership=target, actor=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return self.success()
        messages.success(request, _("%(user)s no longer has access.") % {"user": target.user.email})
        if target.user_id == request.user.id:
            return redirect("core:start")
        return self.success()


class InvitationRevokeView(OrgViewMixin, TemplateView):
    required_role = Role.ADMIN
    template_name = "accounts/invitation_revoke.html"

    def get_invitation(self) -> Invitation:
        return get_for_org(Invitation.objects.pending(), self.org, pk=self.kwargs["invitation_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.get_invitation(), **kwargs)

    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        services.invitation_revoke(invitation=invitation, actor=request.user)
        messages.success(
            request, _("The invitation for %(email)s was withdrawn.") % {"email": invitation.email}
        )
        return redirect("accounts:member_list", org_slug=self.org.slug)


class OrganizationSettingsView(OrgViewMixin, UpdateView):
    required_role = Role.ADMIN
    form_class = OrganizationForm
    template_name = "accounts/organization_settings.html"

    def get_object(self, queryset=None):
        return self.org

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        services.organization_update(org=self.org, actor=self.request.user, **fields)
        messages.success(self.request, _("The organisation settings were saved."))
        return redirect(reverse("accounts:organization_settings", args=[self.org.slug]))


class ActivityListView(OrgViewMixin, ListView):
    template_name = "accounts/activity_list.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        return selectors.activity_list(org=self.org)
