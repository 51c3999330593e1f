"""Sentences stored as a code and parameters, rendered when read, in the reader's language.

Anything written now and read later — the activity log, the notifications and e-mails to come —
stores a code (``"channel.create"``) and plain parameters (names, e-mail addresses, codes such
as a role's ``"manager"``), never a rendered sentence: a sentence rendered when it was written
would stay in the writer's language, and a label (a role's "Responsable") would stay as it was.
A registry maps each code to a lazily translated template and to formatters that turn a stored
code into its current label, as Wagtail's log registry does (``LogFormatter.format_message``).

    activity = SentenceRegistry(fallback=_("Action “%(code)s”"))
    activity.register("channel.create", _("Channel “%(name)s” added"))
    activity.register("invitation.create", _("%(email)s invited as %(role)s"), role=role_label)
    activity.render("invitation.create", {"email": "a@b.fr", "role": "manager"})  # "… as Manager"

A template may also be a function of the parameters returning one (a sentence with an optional
clause). Rows written before a code existed keep their text under ``LEGACY_TEXT``, shown as is.
"""

from collections.abc import Callable, Mapping
from typing import Any

#: The parameter holding the sentence of a row converted from stored text (shown as it was).
LEGACY_TEXT = "legacy_text"

#: Parameters are stored as JSON and must stay plain: no lazy labels, no model instances.
PLAIN_TYPES = (str, int, float, bool, type(None))

Template = Any  # a lazily translated string, or a function of the parameters returning one


class SentenceRegistry:
    """Codes → templates (and parameter formatters), rendered in the active language."""

    def __init__(self, *, fallback):
        # ``fallback`` takes ``%(code)s``: what an unknown code or a broken row reads as.
        self.fallback = fallback
        self._templates: dict[str, Template] = {}
        self._formatters: dict[str, Mapping[str, Callable[[Any], Any]]] = {}

    def register(self, code: str, template: Template, **formatters: Callable[[Any], Any]) -> None:
        if code in self._templates:
            raise ValueError(f"{code!r} is already registered")
        self._templates[code] = template
        self._formatters[code] = formatters

    def __contains__(self, code: str) -> bool:
        return code in self._templates

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._templates)

    def template(self, code: str, params: Mapping[str, Any] | None = None):
        """The template of ``code`` for these parameters (``None`` for an unknown code)."""
        template = self._templates.get(code)
        return template(params or {}) if callable(template) else template

    def check(self, code: str, params: Mapping[str, Any]) -> None:
        """Refuse, when writing, an unknown code or a parameter that is not a plain value."""
        if code not in self._templates:
            raise LookupError(f"{code!r} is not registered: register its sentence first")
        for name, value in params.items():
            if not isinstance(value, PLAIN_TYPES):
                raise TypeError(f"{code}: parameter {name!r} must be a plain value, not {value!r}")

    def render(self, code: str, params: Mapping[str, Any] | None = None) -> str:
        """The sentence of ``code`` in the active language; a neutral one if it cannot be."""
        params = params or {}
        if params.get(LEGACY_TEXT):
            return str(params[LEGACY_TEXT])
        template = self.template(code, params)
        if template is None:
            return str(self.fallback) % {"code": code}
        formatters = self._formatters[code]
        values = {k: formatters[k](v) if k in formatters else v for k, v in params.items()}
        try:
            return str(template) % values
        except (KeyError, TypeError, ValueError):
            # A row missing a parameter (written by an older version) still reads as something.
            return str(self.fallback) % {"code": code}
