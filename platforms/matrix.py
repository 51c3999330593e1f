"""The selection matrix: platforms × age bands and content types, as in the source table.

A computation on rows already read (no queries): views pass the platforms and the audience.
"""

from .choices import ContentType

#: Age bands of the selection matrix (inclusive); the source table's bands fall across them.
MATRIX_BANDS = ((13, 17), (18, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 120))


def _overlap(a_min: int, a_max: int, b_min: int, b_max: int) -> int:
    """Number of whole years two inclusive age ranges share."""
    return max(0, min(a_max, b_max) - max(a_min, b_min) + 1)


def build_matrix(*, platforms, segments=(), content_types=()) -> dict:
    """The selection matrix: platforms × age bands and content types, as in the source table.

    A band cell is "full" when the platform's demographic band covers the whole band and
    "partial" when it covers part of it; columns touching the audience are highlighted.
    """
    bands = [
        {
            "min": lo,
            "max": hi,
            "label": f"{lo}+" if hi >= 120 else f"{lo}–{hi}",
            "audience": any(_overlap(lo, hi, s.age_min, s.age_max) for s in segments),
        }
        for lo, hi in MATRIX_BANDS
    ]
    wanted = set(content_types)
    columns = [
        {"code": c.value, "label": c.label, "audience": c.value in wanted} for c in ContentType
    ]
    rows = []
    for platform in platforms:
        cells = []
        for band in bands:
            shared = _overlap(platform.age_min, platform.age_max, band["min"], band["max"])
            width = min(band["max"], 100) - band["min"] + 1
            level = "full" if shared >= width else "partial" if shared else ""
            cells.append({"level": level, "audience": band["audience"] and bool(level)})
        content = [
            {
                "ok": col["code"] in platform.content_types,
                "audience": col["audience"] and col["code"] in platform.content_types,
            }
            for col in columns
        ]
        rows.append({"platform": platform, "bands": cells, "content": content})
    return {"bands": bands, "columns": columns, "rows": rows}
