"""Background work of the accounts app: the notifications' e-mails."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Notification
from .notifications import notifications, subject


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@shared_task(acks_late=True, name="accounts.notification_email_send")
def notification_email_send(notification_ids: list[int]) -> int:
    """E-mail each notification of the batch to its recipient; returns how many left.

    Idempotent (the task may be delivered twice, ``acks_late``): a notification is claimed by
    setting ``emailed_at`` in one conditional update, so a second run, or a second worker,
    skips it. One already read in the list, or gone, is not e-mailed. Each e-mail is written in
    its organisation's language, at the time it is sent.
    """
    sent = 0
    batch = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True, read_at__isnull=True
    ).select_related("organization", "recipient", "actor")
    for notification in batch:
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        recipient = notification.recipient
        if not claimed or not recipient.is_active or not recipient.email:
            continue
        org = notification.organization
        with translation.override(org.language):
            context = {
                "notification": notification,
                "recipient": recipient,
                "org": org,
                "message": notifications.render(notification.code, notification.params),
                "link": absolute(notification.url) if notification.url else "",
                "list_link": absolute(
                    reverse("accounts:notification_list", kwargs={"org_slug": org.slug})
                ),
            }
            title = f"[{org.name}] {subject(notification.code)}"
            body = render_to_string("accounts/email/notification.txt", context)
        try:
            send_mail(title, body, None, [recipient.email])
        except Exception:
            # Not sent: give it back, so that the retried task sends it.
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            raise
        sent += 1
    return sent
