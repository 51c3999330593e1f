"""Step 3 selectors: channels by state, kind and platform; choices and images scoped to their
organisation with a domain "not found"."""

import pytest

from platforms.models import Channel, PlatformChoice, SourceImage
from platforms.selectors.catalogue import image_format_get, platform_find, platform_get
from platforms.selectors.channels import channel_counts, channel_get, channel_list
from platforms.selectors.images import image_get
from platforms.selectors.plan import choice_get
from tests.factories import (
    ChannelFactory,
    ImageFormatFactory,
    PlanFactory,
    PlatformChoiceFactory,
    PlatformFactory,
    SourceImageFactory,
)

pytestmark = pytest.mark.django_db


def test_channel_list_by_state_kind_and_platform(org, other_org):
    a, b = PlatformFactory(code="a"), PlatformFactory(code="b")
    ChannelFactory(organization=org, platform=a, name="Own")
    ChannelFactory(organization=org, platform=b, name="Partner", kind="partner")
    ChannelFactory(organization=org, platform=a, name="Old", is_active=False)
    ChannelFactory(organization=other_org, platform=a, name="Theirs")

    def names(**filters):
        return sorted(c.name for c in channel_list(org=org, filters=filters))

    assert names() == ["Own", "Partner"]
    assert names(state="archived") == ["Old"]
    assert names(state="all", platform=a) == ["Old", "Own"]
    assert names(kind="partner") == ["Partner"]
    assert channel_counts(org=org) == {"active": 2, "archived": 1}


def test_getters_raise_does_not_exist_across_organisations(org, other_org):
    channel = ChannelFactory(organization=other_org)
    image = SourceImageFactory(organization=other_org)
    with pytest.raises(Channel.DoesNotExist):
        channel_get(org=org, pk=channel.pk)
    with pytest.raises(SourceImage.DoesNotExist):
        image_get(org=org, pk=image.pk)
    assert channel_get(org=other_org, pk=channel.pk) == channel


def test_choice_get_only_finds_choices_of_that_plan(org):
    plan, other_plan = PlanFactory(organization=org), PlanFactory(organization=org)
    choice = PlatformChoiceFactory(plan=other_plan)
    with pytest.raises(PlatformChoice.DoesNotExist):
        choice_get(plan=plan, pk=choice.pk)
    assert choice_get(plan=other_plan, pk=choice.pk) == choice


def test_catalogue_reads_skip_inactive_platforms():
    PlatformFactory(code="gone", is_active=False)
    fmt = ImageFormatFactory(platform__code="live", code="square")
    assert platform_find(code="gone") is None and platform_find(code=None) is None
    assert platform_get(code="live") == fmt.platform
    assert image_format_get(platform_code="live", code="square") == fmt
