from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from core.urls import org_path

from . import views

app_name = "accounts"

# Account pages (no organisation in the URL).
account_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("accounts/", include(account_urlpatterns)),
    path(
        "invitations/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation_accept"
    ),
    org_path("members/", views.MemberListView.as_view(), name="member_list"),
    org_path("members/invite/", views.MemberInviteView.as_view(), name="member_invite"),
    org_path(
        "members/<int:member_pk>/role/", views.MemberRoleUpdateView.as_view(), name="member_role"
    ),
    org_path(
        "members/<int:member_pk>/remove/", views.MemberRemoveView.as_view(), name="member_remove"
    ),
    org_path(
        "invitations/<int:invitation_pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    org_path("settings/", views.OrganizationSettingsView.as_view(), name="organization_settings"),
    org_path("activity/", views.ActivityListView.as_view(), name="activity_list"),
    # Notifications (goal review, #16): the reader's own, marked read by POST.
    org_path("notifications/", views.NotificationListView.as_view(), name="notification_list"),
    org_path(
        "notifications/<int:notification_pk>/open/",
        views.NotificationOpenView.as_view(),
        name="notification_open",
    ),
    org_path(
        "notifications/read-all/",
        views.NotificationReadAllView.as_view(),
        name="notification_read_all",
    ),
]
