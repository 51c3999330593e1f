"""Step 3's models, one module per area: the shared catalogue, the organisation's channels,
a plan's audience and choices, and the image library."""

from ..choices import ContentType, Goal
from .catalogue import AGE_LIMIT, ImageFormat, Platform, PlatformFigure, PlatformNote
from .channels import Channel
from .images import SourceImage
from .plan import AudienceSegment, PlatformBrief, PlatformChoice

__all__ = [
    "AGE_LIMIT",
    "AudienceSegment",
    "Channel",
    "ContentType",
    "Goal",
    "ImageFormat",
    "Platform",
    "PlatformBrief",
    "PlatformChoice",
    "PlatformFigure",
    "PlatformNote",
    "SourceImage",
]
