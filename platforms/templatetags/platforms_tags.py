from django import template

register = template.Library()

#: Bootstrap Icons for the catalogue's platform codes.
ICONS = {
    "facebook": "bi-facebook",
    "instagram": "bi-instagram",
    "youtube": "bi-youtube",
    "linkedin": "bi-linkedin",
    "pinterest": "bi-pinterest",
    "snapchat": "bi-snapchat",
    "whatsapp": "bi-whatsapp",
    "twitter": "bi-twitter-x",
    "tiktok": "bi-tiktok",
}


@register.filter
def platform_icon(code: str) -> str:
    return ICONS.get(code, "bi-globe")


@register.filter
def percent(value: float) -> int:
    return round((value or 0) * 100)
