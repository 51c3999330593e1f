from core.urls import org_path

from .views import catalogue, channels, images, plan

app_name = "platforms"

urlpatterns = [
    # The catalogue (shared reference rows, addressed by code) and the selection matrix.
    org_path("platforms/", catalogue.MatrixView.as_view(), "matrix"),
    org_path(
        "platforms/<slug:platform_code>/", catalogue.PlatformDetailView.as_view(), "platform_detail"
    ),
    # The organisation's accounts, own and partner.
    org_path("channels/", channels.ChannelListView.as_view(), "channel_list"),
    org_path("channels/new/", channels.ChannelCreateView.as_view(), "channel_create"),
    org_path(
        "channels/<int:channel_pk>/edit/", channels.ChannelUpdateView.as_view(), "channel_update"
    ),
    org_path(
        "channels/<int:channel_pk>/archive/",
        channels.ChannelArchiveView.as_view(),
        "channel_archive",
    ),
    org_path(
        "channels/<int:channel_pk>/restore/",
        channels.ChannelRestoreView.as_view(),
        "channel_restore",
    ),
    # Step 3 of a plan: audience → ranked recommendation → chosen platforms.
    org_path("plans/<int:plan_pk>/platforms/", plan.PlanPlatformsView.as_view(), "plan_platforms"),
    org_path(
        "plans/<int:plan_pk>/platforms/choose/<slug:platform_code>/",
        plan.PlatformChooseView.as_view(),
        "plan_choose",
    ),
    org_path(
        "plans/<int:plan_pk>/platforms/choose-set/",
        plan.PlatformSetChooseView.as_view(),
        "plan_choose_set",
    ),
    org_path(
        "plans/<int:plan_pk>/platforms/choices/<int:choice_pk>/remove/",
        plan.PlatformChoiceRemoveView.as_view(),
        "plan_choice_remove",
    ),
    # Images cropped to each platform's recommended sizes.
    org_path("images/", images.ImageListView.as_view(), "image_list"),
    org_path("images/<int:image_pk>/", images.ImageDetailView.as_view(), "image_detail"),
    org_path("images/<int:image_pk>/delete/", images.ImageDeleteView.as_view(), "image_delete"),
    org_path(
        "images/<int:image_pk>/crops/<slug:platform_code>/<slug:format_code>.jpg",
        images.ImageCropView.as_view(),
        "image_crop",
    ),
    org_path("images/<int:image_pk>/crops.zip", images.ImageZipView.as_view(), "image_zip"),
]
