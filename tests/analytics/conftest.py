"""Fixtures of the import tests: the channels the sample files name."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import ChannelFactory

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def channels(org):
    """The channels the samples name: "Facebook BU" (@fb_bu) and "Instagram BU" (@insta_bu)."""
    return {
        "fb": ChannelFactory(organization=org, name="Facebook BU", handle="@fb_bu"),
        "ig": ChannelFactory(organization=org, name="Instagram BU", handle="@insta_bu"),
    }


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    """A sample (by file name) or ``data`` as an uploaded file."""
    if data is None:
        data = (SAMPLES / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/csv")
