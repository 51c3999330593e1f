"""What free text may hold once stored: the characters a person can see, in one normal form.

Text reaches Vitrine pasted from Word, PDFs and web pages, which carry characters nobody sees:
control codes, zero-width spaces, byte-order marks, direction controls. Shown again in a list or
the activity log, some of them disguise the text ("evil<U+202E>txt.exe" reads "evilexe.txt") or
spill into the sentence around it; NUL is refused by PostgreSQL. ``clean_text`` removes them;
``core.forms`` applies it to every text field of every form (and refuses the direction
*overrides* instead, see ``has_bidi_override``); data migrations apply it to stored rows.

Kept on purpose: tab and line feed in multi-line text; the direction *marks* (U+200E, U+200F,
U+061C), which only orient the punctuation next to them, cannot reorder letters and are needed
to write Arabic or Hebrew next to Latin; the zero-width joiner and non-joiner (U+200C, U+200D),
part of emoji sequences and of Persian and Indic spelling; the soft hyphen.
"""

import re
import unicodedata

#: Line breaks of other systems (vertical tab and form feed from Word and PDFs, next line, the
#: Unicode line and paragraph separators) read as a line break.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

#: Removed wherever they appear: C0 and C1 controls but tab and line feed, the direction
#: embeddings, pops, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the deprecated
#: format controls (U+206A–U+206F), zero-width space, word joiner and byte-order mark, and lone
#: surrogates (not text; PostgreSQL cannot store them).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u200b\u202a-\u202e\u2060\u2066-\u206f\ufeff\ud800-\udfff]"
)

#: The direction overrides (left-to-right U+202D, right-to-left U+202E): they make letters show
#: in another order than they are stored, the one disguise a reader cannot see through.
_BIDI_OVERRIDE = re.compile("[\u202d\u202e]")


def clean_text(value: str, *, multiline: bool) -> str:
    """``value`` without invisible characters, line breaks as ``\\n``, in Unicode NFC.

    Single-line text gets no line break or tab at all (a space instead): an ``<input>`` cannot
    hold one, so only a forged request sends it. NFC makes the same word typed on a Mac and on
    Windows the same characters (« é » as one character, not « e » plus an accent), so names
    compare equal.
    """
    value = _LINE_BREAKS.sub("\n", value)
    if not multiline:
        value = value.replace("\n", " ").replace("\t", " ")
    value = _INVISIBLE.sub("", value)
    return unicodedata.normalize("NFC", value)


def has_bidi_override(value: str) -> bool:
    return _BIDI_OVERRIDE.search(value) is not None


def is_clean(value: str, *, multiline: bool) -> bool:
    """Whether ``value`` is what ``clean_text`` would store (tests and checks of stored rows)."""
    return clean_text(value, multiline=multiline) == value


def clean_stored_text(model, fields: dict[str, bool], *, batch_size: int = 500) -> int:
    """Clean ``fields`` (name → multi-line?) of every row of ``model``; returns rows changed.

    For data migrations: rows written before the forms cleaned their text. A required field
    left empty by the cleaning (it held only invisible characters) gets a dash, so the row stays
    valid. Overrides are removed here, not refused: nobody is there to retype the text.
    """
    changed = []
    for row in model._base_manager.only("pk", *fields).iterator(chunk_size=batch_size):
        dirty = False
        for name, multiline in fields.items():
            value = getattr(row, name)
            if not value:
                continue
            cleaned = clean_text(value, multiline=multiline).strip()
            if not cleaned and not model._meta.get_field(name).blank:
                cleaned = "–"
            if cleaned != value:
                setattr(row, name, cleaned)
                dirty = True
        if dirty:
            changed.append(row)
    model._base_manager.bulk_update(changed, list(fields), batch_size=batch_size)
    return len(changed)
