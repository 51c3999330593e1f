"""The catalogue's descriptive texts (notes, figure labels, image format labels), translated.

``fixtures/platforms.json`` is written in English, the source language of the code; its texts
are listed here so that ``makemessages`` extracts them and the interface shows them in the
reader's language. Citations (sources of the figures) are translated too: their own words
("training deck", "undated", "survey of") follow the reader, the titles of the works they cite
stay as published, between the reader's quotation marks. A text changed later
in the admin no longer matches and is shown as typed; ``tests/platforms/test_catalogue_text.py``
fails when the fixture gains a text that is not listed.
"""

from django.utils.translation import gettext, gettext_noop

CATALOGUE_TEXTS = frozenset(
    (
        gettext_noop(
            "The broadest audience of the table, and the only platform with Events and Groups: the usual first choice to reach parents and adults. Minimum age to hold an account: 13 (Meta Terms of Service, 2025)."
        ),
        gettext_noop(
            "Video only; a channel is the archive of your tutorials, promotional videos and recorded talks. Minimum age to hold an account: 13 (YouTube Terms of Service; younger children only through a parent-supervised experience, 2025)."
        ),
        gettext_noop(
            "Photos, stories and reels for young adults; a good place for pictures of your events and collections. Minimum age to hold an account: 13 (Instagram Terms of Use, 2025)."
        ),
        gettext_noop(
            "The professional network: partners, funders, the profession, recruiting. Minimum age to hold an account: 16 (LinkedIn User Agreement, 2025)."
        ),
        gettext_noop(
            "Boards of images by theme: reading lists, crafts, heritage pictures. Minimum age to hold an account: 13 (Pinterest Terms of Service, 2025)."
        ),
        gettext_noop(
            "Ephemeral photos and videos for the youngest adults (and teens). Minimum age to hold an account: 13 (Snap Inc. Terms of Service, 2025)."
        ),
        gettext_noop(
            "Messaging rather than publishing: answering users, small groups, broadcast lists. Minimum age to hold an account: 13 (WhatsApp Terms of Service; it was 16 in the European Region before April 2024, 2025)."
        ),
        gettext_noop(
            "Short posts and news; the deck's figures date from before the renaming to X (2023). Minimum age to hold an account: 13 (X Terms of Service, 2025)."
        ),
        gettext_noop(
            "Not in the deck's table: Vitrine's assumption of a young, video-only audience. Minimum age to hold an account: 13 (TikTok Terms of Service; a separate under-13 experience exists in the U.S., 2025)."
        ),
        gettext_noop(
            "Training deck 'L'utilisation des réseaux sociaux pour un meilleur marketing des milieux documentaires' (undated, c. 2020), demographic table"
        ),
        gettext_noop(
            "Vitrine's assumption, not a measured figure: absent from the demographic table of the training deck 'L'utilisation des réseaux sociaux pour un meilleur marketing des milieux documentaires' (c. 2020); its example 1 names TikTok as an alternative to Instagram/Snapchat for young audiences"
        ),
        gettext_noop(
            "Pew Research Center, 'Americans' Social Media Use' (31 Jan 2024; survey of 5,733 U.S. adults, 19 May–5 Sept 2023)"
        ),
        gettext_noop(
            "Pew Research Center, 'Social Media Use in 2021' (7 Apr 2021; survey of 1,502 U.S. adults, 25 Jan–8 Feb 2021)"
        ),
        gettext_noop("68% of U.S. adults use Facebook"),
        gettext_noop("70% of U.S. adults aged 18–29 use Facebook"),
        gettext_noop("50% of U.S. adults aged 65 and older use Facebook"),
        gettext_noop("83% of U.S. adults use YouTube"),
        gettext_noop("93% of U.S. adults aged 18–29 use YouTube"),
        gettext_noop("60% of U.S. adults aged 65 and older use YouTube"),
        gettext_noop("78% of U.S. adults aged 18–29 use Instagram"),
        gettext_noop("15% of U.S. adults aged 65 and older use Instagram"),
        gettext_noop("30% of U.S. adults use LinkedIn"),
        gettext_noop("51% of U.S. adults with a bachelor's degree or more use LinkedIn"),
        gettext_noop("35% of U.S. adults use Pinterest"),
        gettext_noop("46% of U.S. women and 16% of U.S. men use Pinterest"),
        gettext_noop("65% of U.S. adults aged 18–29 use Snapchat"),
        gettext_noop("4% of U.S. adults aged 65 and older use Snapchat"),
        gettext_noop("29% of U.S. adults use WhatsApp"),
        gettext_noop("22% of U.S. adults use X (Twitter)"),
        gettext_noop("42% of U.S. adults aged 18–29 use Twitter"),
        gettext_noop("33% of U.S. adults use TikTok"),
        gettext_noop("62% of U.S. adults aged 18–29 use TikTok"),
        gettext_noop("10% of U.S. adults aged 65 and older use TikTok"),
        gettext_noop("Link preview"),
        gettext_noop("platform help centre / Vitrine compilation"),
        gettext_noop("Feed post, square"),
        gettext_noop("Story"),
        gettext_noop("Event cover photo"),
        gettext_noop("Video thumbnail"),
        gettext_noop("Channel banner"),
        gettext_noop("Video, full HD"),
        gettext_noop("Short (vertical video)"),
        gettext_noop("Feed post, portrait"),
        gettext_noop("Story or reel"),
        gettext_noop("Shared link or post image"),
        gettext_noop("Company page cover"),
        gettext_noop("Standard pin (2:3)"),
        gettext_noop("Square pin"),
        gettext_noop("Story or snap"),
        gettext_noop("Status"),
        gettext_noop("Post image (16:9)"),
        gettext_noop("Profile header"),
        gettext_noop("Vertical video"),
    )
)


def catalogue_text(text: str) -> str:
    """``text`` in the active language when it is one of the catalogue's own texts."""
    return gettext(text) if text in CATALOGUE_TEXTS else text
