"""Turn the activity log's stored sentences back into parameters.

Until now an entry stored its sentence rendered in the writer's language (English or French).
Each known sentence is parsed, in both languages, into the parameters its verb now stores (a
role or a status label back to its code); a sentence that matches nothing (an unknown verb, a
text edited by hand, a label renamed since) is kept whole as ``legacy_text``, shown as is.

The sentences and labels below are frozen copies of what the code wrote until this migration,
not imports: a later change of a msgid or a label must not change what this migration reads.
"""

import re

from django.db import migrations

LEGACY_TEXT = "legacy_text"

#: Labels as they were written, English and French → the code now stored.
ROLES = {
    "Viewer": "viewer",
    "Lecteur": "viewer",
    "Contributor (statistics)": "contributor",
    "Contributeur (statistiques)": "contributor",
    "Editor (librarian)": "editor",
    "Éditeur (bibliothécaire)": "editor",
    "Manager": "manager",
    "Responsable": "manager",
    "Administrator": "admin",
    "Administrateur": "admin",
}
STATUSES = {
    "Draft": "draft",
    "Brouillon": "draft",
    "Active": "active",
    "Actif": "active",
    "Archived": "archived",
    "Archivé": "archived",
}
#: Which parameters held a label, and the table that turns it back into a code.
LABELS = {"old": ROLES, "new": ROLES, "role": ROLES, "status": STATUSES}

_PLAN_STATUS = ["Plan “%(title)s”: %(status)s", "Plan «\xa0%(title)s\xa0»\xa0: %(status)s"]

#: verb → the sentences it was written as (English msgid first, then the French msgstr).
SENTENCES = {
    "org.create": ["Organisation created", "Organisation créée"],
    "org.update": ["Settings updated", "Paramètres mis à jour"],
    "member.role": ["%(user)s: %(old)s → %(new)s", "%(user)s\xa0: %(old)s → %(new)s"],
    "member.remove": ["%(user)s removed", "Accès retiré à %(user)s"],
    "invitation.create": [
        "%(email)s invited as %(role)s",
        "Invitation envoyée à %(email)s (rôle\xa0: %(role)s)",
    ],
    "invitation.revoke": [
        "Invitation for %(email)s withdrawn",
        "Invitation destinée à %(email)s retirée",
    ],
    "invitation.accept": [
        "%(email)s joined as %(role)s",
        "%(email)s a rejoint l’organisation (rôle\xa0: %(role)s)",
    ],
    "plan.create": ["Plan “%(title)s” created", "Plan «\xa0%(title)s\xa0» créé"],
    "plan.update": ["Plan “%(title)s” updated", "Plan «\xa0%(title)s\xa0» modifié"],
    "plan.delete": ["Plan “%(title)s” deleted", "Plan «\xa0%(title)s\xa0» supprimé"],
    "plan.activate": _PLAN_STATUS,
    "plan.to_draft": _PLAN_STATUS,
    "plan.archive": _PLAN_STATUS,
    "plan.restore": _PLAN_STATUS,
    "plan.audience": ["Audience of “%(plan)s” updated", "Public de «\xa0%(plan)s\xa0» modifié"],
    "plan.platform": [
        "%(platform)s chosen as the main platform of “%(plan)s”; %(previous)s became secondary",
        "%(platform)s choisie comme plateforme principale de «\xa0%(plan)s\xa0»\xa0; "
        "%(previous)s devient secondaire",
        "%(platform)s chosen for “%(plan)s”",
        "Plateforme %(platform)s choisie pour «\xa0%(plan)s\xa0»",
    ],
    "plan.platform_remove": [
        "%(platform)s removed from “%(plan)s”",
        "Plateforme %(platform)s retirée de «\xa0%(plan)s\xa0»",
    ],
    "channel.create": ["Channel “%(name)s” added", "Canal «\xa0%(name)s\xa0» ajouté"],
    "channel.update": ["Channel “%(name)s” updated", "Canal «\xa0%(name)s\xa0» modifié"],
    "channel.archive": ["Channel “%(name)s” archived", "Canal «\xa0%(name)s\xa0» archivé"],
    "channel.restore": ["Channel “%(name)s” restored", "Canal «\xa0%(name)s\xa0» réactivé"],
    "image.upload": ["Image “%(title)s” uploaded", "Image «\xa0%(title)s\xa0» téléversée"],
    "image.delete": ["Image “%(title)s” deleted", "Image «\xa0%(title)s\xa0» supprimée"],
    "platform.note": ["Note on %(platform)s updated", "Note sur %(platform)s modifiée"],
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(sentence: str) -> re.Pattern:
    """``sentence`` as a regex: each placeholder a named group, any space matching any space."""
    parts, end = [], 0
    for match in _PLACEHOLDER.finditer(sentence):
        parts += [re.escape(sentence[end : match.start()]), f"(?P<{match[1]}>.+)"]
        end = match.end()
    parts.append(re.escape(sentence[end:]))
    # Non-breaking, narrow or plain: a space typed in the admin or a later .po reads the same.
    return re.compile("^" + re.sub(r"(\\ |\xa0|\u202f)", "[ \xa0\u202f]", "".join(parts)) + "$")


PATTERNS = {verb: [_pattern(s) for s in sentences] for verb, sentences in SENTENCES.items()}


def description_to_params(verb: str, description: str) -> dict:
    """The parameters of a stored sentence, or the sentence kept whole as ``legacy_text``."""
    for pattern in PATTERNS.get(verb, ()):
        match = pattern.match(description)
        if match is None:
            continue
        # Stripped: an English sentence also matches a French one up to its spaces ("a\xa0: b").
        params = {k: v.strip(" \xa0\u202f") for k, v in match.groupdict().items()}
        if all(params[k] in LABELS[k] for k in params.keys() & LABELS.keys()):
            return {k: LABELS[k][v] if k in LABELS else v for k, v in params.items()}
    return {LEGACY_TEXT: description} if description else {}


def params_to_description(verb: str, params: dict) -> str:
    """Backwards: the English sentence (the labels' English names), for the old column."""
    if LEGACY_TEXT in params:
        return params[LEGACY_TEXT][:300]
    english = {code: label for label, code in reversed(list(ROLES.items()))}
    english |= {code: label for label, code in reversed(list(STATUSES.items()))}
    values = {k: english.get(v, v) if k in LABELS else v for k, v in params.items()}
    given = {k for k, v in values.items() if v is not None}
    for sentence in SENTENCES.get(verb, ())[::2]:  # the English ones, the fullest first
        if set(_PLACEHOLDER.findall(sentence)) <= given:
            return (sentence % values)[:300]
    return verb


def convert(apps, schema_editor):
    ActivityEntry = apps.get_model("accounts", "ActivityEntry")
    entries = ActivityEntry.objects.only("pk", "verb", "description", "params")
    for entry in entries.iterator(chunk_size=2000):
        entry.params = description_to_params(entry.verb, entry.description)
        entry.save(update_fields=["params"])


def convert_back(apps, schema_editor):
    ActivityEntry = apps.get_model("accounts", "ActivityEntry")
    entries = ActivityEntry.objects.only("pk", "verb", "description", "params")
    for entry in entries.iterator(chunk_size=2000):
        entry.description = params_to_description(entry.verb, entry.params)
        entry.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_activityentry_params"),
    ]

    operations = [migrations.RunPython(convert, convert_back)]
