# Placeholder, replaced by the channels implementation.
from django.views.generic import View

ChannelListView = ChannelCreateView = ChannelUpdateView = View
ChannelArchiveView = ChannelRestoreView = View
