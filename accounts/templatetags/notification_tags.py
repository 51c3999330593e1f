"""The header's bell: the reader's unread notifications in the current organisation."""

from django import template

from ..selectors import notification_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """One query per request at most, whatever the number of templates asking."""
    request = context.get("request")
    org = context.get("org")
    if request is None or org is None or not request.user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_notifications", None)
    if cached is None or cached[0] != org.pk:
        cached = (org.pk, notification_unread_count(org=org, user=request.user))
        request._unread_notifications = cached
    return cached[1]
