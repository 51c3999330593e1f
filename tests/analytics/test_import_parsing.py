"""The importer's pure part: reading files, recognising layouts, cleaning rows (no database)."""

import codecs
import datetime
import io
from pathlib import Path

import openpyxl
import pytest

from analytics.importing import layouts
from analytics.importing.errors import error_message
from analytics.importing.readers import MAX_BYTES, ReadError, read_table
from analytics.importing.validate import ChannelRef, validate_table

SAMPLES = Path(__file__).parent / "samples"
CHANNELS = [
    ChannelRef(1, "Facebook BU", "@fb_bu"),
    ChannelRef(2, "Instagram BU", "@insta_bu"),
    ChannelRef(3, "Twin A", "@twin"),
    ChannelRef(4, "Twin B", "@twin"),
]


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def check(data: bytes, filename="file.csv", **kwargs):
    return validate_table(read_table(data, filename), channels=CHANNELS, **kwargs)


def codes(result):
    return [(e["line"], e["column"], e["code"]) for e in result.errors]


def xlsx(rows, formula_at=None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Reading ---------------------------------------------------------------------------------------


def test_a_french_file_with_semicolons_a_bom_and_spaced_thousands():
    result = check(sample("monthly_fr_semicolon_bom.csv"))
    assert result.ok, result.errors
    assert result.layout.code == "monthly"
    first, second = result.rows
    assert first["month"] == datetime.date(2024, 1, 1)
    assert (first["channel_id"], first["views"], first["interactions"]) == (1, 12345, 1234)
    assert (first["followers"], first["posts_published"]) == (2100, 8)
    # A handle with its @, and a no-break space between thousands; an empty cell is unknown.
    assert (second["channel_id"], second["views"], second["followers"]) == (2, 1000, None)
    assert result.totals == {
        "views": 13345,
        "interactions": 1284,
        "followers": 2100,
        "posts_published": 11,
    }


def test_english_monthly_and_posts_layouts():
    monthly = check(sample("monthly_en.csv"))
    assert monthly.ok and len(monthly.rows) == 3 and monthly.totals["views"] == 2400
    posts = check(sample("posts_en.csv"))
    assert posts.ok, posts.errors
    assert posts.layout.code == "posts"
    assert posts.rows[1]["title"] == "Atelier, numerique"
    assert posts.rows[1]["avg_watch_seconds"] == 150
    assert posts.rows[0]["url"] == "https://example.org/p/1"


def test_a_tab_delimited_file_and_quoted_line_breaks_keep_their_line_numbers():
    data = (
        b"month\tchannel\tviews\tinteractions\n"
        b'2024-01\t"Facebook\nBU"\t1\t2\n'
        b"2024-13\tFacebook BU\t1\t2\n"
    )
    result = check(data)
    assert result.layout.code == "monthly"
    # The quoted name spans lines 2-3 (and matches no channel); the bad month is on line 4.
    assert ("unknown_channel" in {e["code"] for e in result.errors}) and (
        4,
        "month",
        "bad_month",
    ) in codes(result)


def test_utf16_with_bom_is_read():
    text = sample("youtube_table_data.csv").decode()
    result = check(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), channel_id=1)
    assert result.ok and result.layout.code == "youtube"


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "empty.csv", "empty"),
        (b"   \n\n", "blank.csv", "empty"),
        (b"month,channel,views,interactions\n", "header.csv", "no_rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "picture.csv", "not_a_table"),
        (bytes(range(256)) * 4, "random.csv", "not_a_table"),
        ("mois;compte;vues\n2024-01;Médiathèque;1\n".encode("cp1252"), "latin.csv", "not_utf8"),
        (b"PK\x03\x04 not really a zip", "fake.xlsx", "not_a_table"),
        (b"not a workbook", "fake.xlsx", "not_a_table"),
    ],
)
def test_files_that_are_not_tables_are_refused_with_a_code(data, filename, code):
    with pytest.raises(ReadError) as caught:
        read_table(data, filename)
    assert caught.value.code == code
    assert error_message(caught.value.as_error())


def test_a_file_over_the_limit_is_too_large():
    with pytest.raises(ReadError) as caught:
        read_table(b"x" * (MAX_BYTES + 1), "big.csv")
    assert caught.value.code == "too_large"
    assert "20" in error_message(caught.value.as_error())


def test_xlsx_dates_are_dates_and_formulas_are_errors_never_evaluated():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "channel", "title", "views", "interactions"])
    sheet.append([datetime.datetime(2024, 3, 5), "Facebook BU", "Story time", 10, 2])
    sheet.append([datetime.datetime(2024, 3, 6), "Facebook BU", "Workshop", "=B2*1000", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    result = check(buffer.getvalue(), "stats.xlsx")
    assert codes(result) == [(3, "views", "formula")]
    assert result.rows[0]["published_on"] == datetime.date(2024, 3, 5)
    assert "formula" in error_message(result.errors[0])


def test_xlsx_monthly_file():
    data = xlsx([["Month", "Channel", "Views", "Interactions"], ["2024-05", "facebook bu", 7, 1]])
    result = check(data, "m.xlsx")
    assert result.ok and result.rows[0]["channel_id"] == 1 and result.rows[0]["views"] == 7


# Row errors -----------------------------------------------------------------------------------


def test_each_bad_cell_is_named_by_line_and_column():
    data = (
        b"month,channel,views,interactions\n"
        b"2024-01,Nowhere,1,1\n"
        b"2024-13,Facebook BU,1,1\n"
        b"2024-02,Facebook BU,-5,1\n"
        b"2024-03,Facebook BU,lots,1\n"
        b"2024-04,@twin,1,1\n"
        b"2024-05,Facebook BU,1.5,1\n"
        b"2024-01,Instagram BU,1,1\n"
        b"2024-01,@insta_bu,2,2\n"
    )
    result = check(data)
    assert codes(result) == [
        (2, "channel", "unknown_channel"),
        (3, "month", "bad_month"),
        (4, "views", "negative"),
        (5, "views", "not_a_number"),
        (6, "channel", "ambiguous_channel"),
        (7, "views", "decimal"),
        (9, "channel", "duplicate_row"),
    ]
    assert result.errors[-1]["params"]["first_line"] == 8
    messages = [error_message(e) for e in result.errors]
    assert "Nowhere" in messages[0] and "2024-13" in messages[1] and "8" in messages[-1]


def test_an_extra_column_in_a_vitrine_layout_is_an_error():
    result = check(b"month,channel,views,interactions,reach\n2024-01,Facebook BU,1,1,5\n")
    assert codes(result) == [(1, "reach", "extra_column")]
    assert "reach" in error_message(result.errors[0])


def test_unknown_headers_name_the_expected_columns():
    result = check(b"foo,bar\n1,2\n")
    assert result.layout is None and codes(result) == [(1, "", "unknown_layout")]
    message = error_message(result.errors[0])
    assert "month" in message and "channel" in message and "views" in message


def test_the_kind_chosen_restricts_the_layouts():
    result = check(sample("monthly_en.csv"), kind="posts")
    assert result.layout is None
    assert "title" in error_message(result.errors[0])


def test_headers_ignore_case_accents_spaces_and_underscores():
    for header in ("abonnés", " ABONNES ", "Abonnes"):
        assert layouts.MONTHLY.column_for(header).key == "followers"
    assert layouts.POSTS.column_for("Durée_moyenne_s").key == "avg_watch_seconds"
    assert layouts.POSTS.column_for("avg watch seconds").key == "avg_watch_seconds"


def test_a_vitrine_posts_file_refuses_a_bad_date_a_missing_title_and_a_bad_duration():
    data = (
        b"date,channel,title,views,interactions,avg_watch_seconds\n"
        b"03/05/2024,Facebook BU,A,1,1,\n"
        b"2024-03-05,Facebook BU,,1,1,\n"
        b"2024-03-06,Facebook BU,B,1,1,2:75\n"
    )
    assert codes(check(data)) == [
        (2, "date", "bad_date"),
        (3, "title", "required"),
        (4, "avg_watch_seconds", "bad_duration"),
    ]


# The networks' exports ---------------------------------------------------------------------


def test_meta_facebook_export():
    result = check(sample("meta_facebook.csv"), channel_id=1)
    assert result.ok, result.errors
    assert result.layout.key == "meta_facebook" and result.layout.code == "meta"
    photo, reel = result.rows
    assert photo["external_id"] == "1111111111111111_2222222222222221"
    assert photo["published_on"] == datetime.date(2025, 3, 14)
    # No title: the description's text (its line break folded) stands in.
    assert photo["title"] == "Heure du conte samedi Venez nombreux !"
    assert (photo["views"], photo["interactions"], photo["format"]) == (1250, 57, "post")
    assert photo["avg_watch_seconds"] is None
    assert (reel["title"], reel["format"], reel["views"]) == ("Atelier numerique", "reel", 12400)
    assert reel["avg_watch_seconds"] == 8  # 7.5 seconds, rounded
    assert reel["url"] == "https://www.facebook.com/reel/2222"
    assert result.total_rows == 2


def test_meta_facebook_without_the_combined_column_adds_reactions_comments_shares():
    data = (
        b"Post ID,Page ID,Publish time,Permalink,Post type,Impressions,Reactions,Comments,Shares\n"
        b'9,8,12/31/2024 23:59,https://www.facebook.com/9,Videos,"2,000",10,5,1\n'
    )
    result = check(data, channel_id=1)
    row = result.rows[0]
    assert (row["views"], row["interactions"], row["format"]) == (2000, 16, "video")
    assert row["published_on"] == datetime.date(2024, 12, 31)


def test_meta_instagram_export():
    result = check(sample("meta_instagram.csv"), channel_id=2)
    assert result.ok, result.errors
    assert result.layout.key == "meta_instagram"
    image, reel, story = result.rows
    assert image["title"] == "Nouveautes de mars, a emprunter des lundi"
    # Likes + comments + shares + saves.
    assert (image["views"], image["interactions"]) == (1600, 50 + 2 + 3 + 4)
    assert (reel["format"], reel["views"], reel["interactions"]) == (
        "reel",
        15000,
        410 + 20 + 120 + 55,
    )
    assert story["format"] == "story"
    assert result.totals == {"views": 16900, "interactions": 59 + 605 + 1}


def test_youtube_table_data_skips_the_total_row_and_reads_durations():
    result = check(sample("youtube_table_data.csv"), channel_id=1)
    assert result.ok, result.errors
    assert result.layout.code == "youtube" and result.total_rows == 2
    first, second = result.rows
    assert first["line"] == 3  # line 2 is the Total row
    assert first["external_id"] == "aBcDeFgHiJ1"
    assert first["published_on"] == datetime.date(2020, 3, 18)
    assert first["title"] == "Visite guidee : la salle de lecture"
    assert (first["views"], first["interactions"], first["avg_watch_seconds"]) == (4200, 144, 52)
    assert first["format"] == "video"
    assert first["url"] == "https://www.youtube.com/watch?v=aBcDeFgHiJ1"
    assert (second["external_id"], second["avg_watch_seconds"]) == ("-xYzAbCdEf2", 3723)
    assert result.totals == {"views": 5100, "interactions": 180}


def test_youtube_without_likes_has_no_interactions():
    data = (
        b"Content,Video title,Video publish time,Views,Watch time (hours),Average view duration\n"
        b'Total,,,10,1,\nabc,Hello,"Jan 2, 2024",10,1,0:30\n'
    )
    row = check(data, channel_id=1).rows[0]
    assert (row["interactions"], row["avg_watch_seconds"]) == (None, 30)


def test_tiktok_export():
    result = check(sample("tiktok_posts.csv"), channel_id=1)
    assert result.ok, result.errors
    assert result.layout.code == "tiktok"
    first, second = result.rows
    assert first["external_id"] == "7412345678901234567"
    assert first["published_on"] == datetime.date(2025, 1, 18)
    assert (first["views"], first["interactions"], first["avg_watch_seconds"]) == (
        18400,
        1200 + 48 + 31,
        12,
    )
    assert second["avg_watch_seconds"] == 9 and second["format"] == "video"


def test_a_network_export_needs_a_channel_and_ignores_unknown_columns():
    result = check(sample("tiktok_posts.csv"))
    assert codes(result) == [(None, "", "channel_required")]
    data = sample("tiktok_posts.csv").replace(b"Average watch time", b"Average watch time,Extra")
    assert check(data, channel_id=1).errors == []


def test_a_network_export_with_a_bad_number_names_its_header():
    data = sample("youtube_table_data.csv").replace(b"4200", b"lots")
    assert codes(check(data, channel_id=1)) == [(3, "Views", "not_a_number")]


def test_progress_is_reported_every_2000_rows():
    lines = ["month,channel,views,interactions"] + [
        f"{2000 + i // 12}-{i % 12 + 1:02d},Facebook BU,{i},1" for i in range(4500)
    ]
    seen = []
    result = check("\n".join(lines).encode(), progress=seen.append)
    assert result.ok and seen == [2000, 4000] and result.total_rows == 4500


def test_a_tiktok_export_saved_as_xlsx_is_recognised_too():
    import csv

    rows = list(csv.reader(io.StringIO(sample("tiktok_posts.csv").decode())))
    result = check(xlsx(rows), "tiktok.xlsx", channel_id=1)
    assert result.ok and result.layout.code == "tiktok" and len(result.rows) == 2


def test_invisible_characters_never_reach_the_stored_errors():
    data = "month,channel,views,interactions,bad\u200b\x01col\n2024-01,Facebook BU,1,1,1\n"
    result = check(data.encode())
    assert [e["column"] for e in result.errors] == ["badcol"]
    result = check(b"month,channel,views,interactions\n2024-01,No\x01where,1,1\n")
    assert result.errors[0]["params"] == {"value": "Nowhere"}
