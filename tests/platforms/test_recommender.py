"""The recommender, as a pure function: the deck's three examples, properties, explanations.

Profiles come straight from fixtures/platforms.json (no database).
"""

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from django.utils import translation

from platforms.recommender import (
    AGE_WEIGHT,
    CONTENT_TYPES,
    CONTENT_WEIGHT,
    GOAL_WEIGHT,
    GOALS,
    PRESETS,
    STALE_AFTER_YEARS,
    PlatformProfile,
    Recommendation,
    Segment,
    parse_segment,
    recommend,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "fixtures" / "platforms.json"
PLATFORM_CODES = {
    "facebook",
    "youtube",
    "instagram",
    "linkedin",
    "pinterest",
    "snapchat",
    "whatsapp",
    "twitter",
    "tiktok",
}
# The "preferred content" column of the deck's demographic table (TikTok: Vitrine's assumption).
DECK_CONTENT = {
    "facebook": {"text", "image", "video"},
    "youtube": {"video"},
    "instagram": {"image", "video"},
    "linkedin": {"text", "image", "video"},
    "pinterest": {"image"},
    "snapchat": {"image", "video"},
    "whatsapp": {"text"},
    "twitter": {"short_text", "image"},
    "tiktok": {"video"},
}
RANDOM_CASES = 200


def load_profiles() -> list[PlatformProfile]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return [
        PlatformProfile(
            code=entry["code"],
            name=entry["name"],
            age_min=entry["age_min"],
            age_max=entry["age_max"],
            content_types=tuple(entry["content_types"]),
            min_account_age=entry["min_account_age"],
            source_year=entry["source_year"],
            features=tuple(entry["features"]),
        )
        for entry in data["platforms"]
    ]


def by_code(results: list[Recommendation]) -> dict[str, Recommendation]:
    return {r.platform: r for r in results}


def random_segment(rng: random.Random, label: str) -> Segment:
    low = rng.randint(0, 100)
    return Segment(low, rng.randint(low, 120), round(rng.uniform(0.1, 5), 1), label)


def random_case(rng: random.Random) -> dict:
    count = rng.randint(1, 4)
    return {
        "segments": [random_segment(rng, f"Segment {i}") for i in range(count)],
        "content_types": rng.sample(CONTENT_TYPES, rng.randint(1, len(CONTENT_TYPES))),
        "goal": rng.choice((None, *GOALS)),
    }


def random_cases(seed: int = 20201020):
    rng = random.Random(seed)
    return [random_case(rng) for _ in range(RANDOM_CASES)]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def profiles() -> list[PlatformProfile]:
    return load_profiles()


# The deck's three worked examples ------------------------------------------------------------


def test_presets_are_the_three_examples_of_the_deck():
    assert set(PRESETS) == {"municipal_library", "university_library", "heritage_archives"}
    for preset in PRESETS.values():
        assert preset.segments and all(str(s.label) for s in preset.segments)
        assert set(preset.content_types) <= set(CONTENT_TYPES)
        assert preset.goal is None or preset.goal in GOALS
        assert set().union(*preset.expected) <= PLATFORM_CODES


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_preset_ranks_one_platform_of_each_deck_group_on_top(profiles, code):
    preset = PRESETS[code]
    results = recommend(
        platforms=profiles,
        segments=preset.segments,
        content_types=preset.content_types,
        goal=preset.goal,
    )
    top = [r.platform for r in results[: len(preset.expected)]]
    for group in preset.expected:
        assert len(group.intersection(top)) == 1, (code, group, top)


def test_municipal_library_gets_facebook_instagram_and_youtube(profiles):
    preset = PRESETS["municipal_library"]
    results = recommend(
        platforms=profiles,
        segments=preset.segments,
        content_types=preset.content_types,
        goal=preset.goal,
    )
    assert [r.platform for r in results[:3]] == ["facebook", "instagram", "youtube"]


def test_heritage_archives_without_professional_goal_still_prefers_facebook_and_youtube(
    profiles,
):
    preset = PRESETS["heritage_archives"]
    results = recommend(
        platforms=profiles, segments=preset.segments, content_types=preset.content_types
    )
    assert {r.platform for r in results[:3]} >= {"facebook", "youtube"}


# Properties over many random audiences -------------------------------------------------------


def test_scores_stay_between_0_and_1_for_random_audiences(profiles):
    for case in random_cases():
        for result in recommend(platforms=profiles, **case):
            assert 0 <= result.score <= 1, (case, result)


def test_every_platform_appears_exactly_once(profiles):
    for case in random_cases():
        codes = [r.platform for r in recommend(platforms=profiles, **case)]
        assert sorted(codes) == sorted(PLATFORM_CODES), case


def test_ranking_is_sorted_by_score_then_code(profiles):
    for case in random_cases():
        results = recommend(platforms=profiles, **case)
        keys = [(-r.score, r.platform) for r in results]
        assert keys == sorted(keys), case


def test_same_input_gives_same_output(profiles):
    for case in random_cases():
        first = recommend(platforms=profiles, **case)
        second = recommend(platforms=list(reversed(profiles)), **case)
        assert first == second, case


def test_adding_a_segment_keeps_the_reasons_about_the_other_segments(profiles):
    rng = random.Random(7)
    for case in random_cases(seed=7):
        before = by_code(recommend(platforms=profiles, **case))
        extra = random_segment(rng, "Added segment")
        after = by_code(
            recommend(platforms=profiles, **{**case, "segments": [*case["segments"], extra]})
        )
        for code, result in before.items():
            for segment in case["segments"]:
                about = [r for r in result.reasons if f"“{segment.label}”" in r]
                assert set(about) <= set(after[code].reasons), (case, code, segment)


def test_more_weight_on_a_segment_never_lowers_the_platforms_that_cover_it_fully(profiles):
    students = Segment(18, 25, 1, "Students")
    retirees = Segment(65, 80, 1, "Retirees")
    light = by_code(
        recommend(platforms=profiles, segments=[students, retirees], content_types=["image"])
    )
    heavy = by_code(
        recommend(
            platforms=profiles,
            segments=[replace(students, weight=4), retirees],
            content_types=["image"],
        )
    )
    for code in ("instagram", "twitter", "snapchat", "pinterest"):
        assert heavy[code].score > light[code].score, code


# Explanations --------------------------------------------------------------------------------


def test_children_segment_warns_under_minimum_age_on_instagram(profiles):
    children = Segment(6, 11, 1, "Children")
    instagram = by_code(
        recommend(platforms=profiles, segments=[children], content_types=["image"])
    )["instagram"]
    assert any("under 13" in w and "parents" in w for w in instagram.warnings)
    assert not any("Children" in r for r in instagram.reasons)


def test_children_give_no_age_fit_anywhere(profiles):
    only_children = recommend(
        platforms=profiles, segments=[Segment(6, 11)], content_types=["video"]
    )
    children_and_adults = by_code(
        recommend(
            platforms=profiles, segments=[Segment(6, 11), Segment(30, 40)], content_types=["video"]
        )
    )
    youtube = by_code(only_children)["youtube"]
    assert youtube.score < children_and_adults["youtube"].score
    assert {r.score for r in only_children if "video" in DECK_CONTENT[r.platform]} == {
        youtube.score
    }


def test_segment_partly_under_minimum_age_warns_and_counts_only_old_enough_years():
    teen_platform = PlatformProfile("teen", "Teen", 10, 20, ("image",), 13, 2024)
    result = recommend(
        platforms=[teen_platform], segments=[Segment(10, 19, 1, "Pupils")], content_types=["image"]
    )[0]
    assert any("Part of “Pupils” (10–19) is under 13" in w for w in result.warnings)
    assert "Covers 70% of “Pupils” (10–19)" in result.reasons


def test_coverage_reason_names_the_segment_and_its_share(profiles):
    instagram = by_code(
        recommend(
            platforms=profiles,
            segments=[Segment(18, 25, 1, "Students"), Segment(22, 29, 1, "Young workers")],
            content_types=["image"],
        )
    )["instagram"]
    assert "Covers 100% of “Students” (18–25)" in instagram.reasons
    assert "Covers 50% of “Young workers” (22–29)" in instagram.reasons


def test_unlabelled_segment_is_named_by_its_ages(profiles):
    facebook = by_code(
        recommend(platforms=profiles, segments=[parse_segment("30-45")], content_types=["text"])
    )["facebook"]
    assert "Covers 100% of ages 30–45" in facebook.reasons


def test_segment_outside_the_band_warns(profiles):
    linkedin = by_code(
        recommend(
            platforms=profiles, segments=[Segment(18, 25, 1, "Students")], content_types=["text"]
        )
    )["linkedin"]
    assert any("Reaches none of “Students”" in w and "35–44" in w for w in linkedin.warnings)


def test_unsupported_content_type_warns(profiles):
    twitter = by_code(
        recommend(platforms=profiles, segments=[Segment(18, 25)], content_types=["video"])
    )["twitter"]
    assert any("Does not favour videos" in w for w in twitter.warnings)


def test_short_text_partly_matches_text():
    def score(content_types):
        profile = PlatformProfile("p", "P", 18, 30, content_types, 13, 2024)
        return recommend(
            platforms=[profile], segments=[Segment(18, 30)], content_types=["short_text"]
        )[0].score

    assert score(("image",)) < score(("text",)) < score(("short_text",))


def test_stale_figures_warn_when_today_year_is_2030(profiles):
    args = {"platforms": profiles, "segments": [Segment(18, 30)], "content_types": ["text"]}
    stale = recommend(**args, today_year=2030)
    assert all(any("2020" in w and "10 years" in w for w in r.warnings) for r in stale)
    fresh = recommend(**args, today_year=2020 + STALE_AFTER_YEARS)
    undated = recommend(**args)
    assert not any("check current figures" in w for r in fresh + undated for w in r.warnings)


# Goals ---------------------------------------------------------------------------------------


def _goal_fit(profiles, goal: str) -> dict[str, float]:
    """Each platform's goal fit, recovered from its score with and without the goal."""
    args = {
        "platforms": profiles,
        "segments": [Segment(18, 64)],
        "content_types": ["text", "image", "video"],
    }
    without = by_code(recommend(**args))
    with_goal = by_code(recommend(**args, goal=goal))
    base = AGE_WEIGHT + CONTENT_WEIGHT
    return {
        code: (with_goal[code].score * (base + GOAL_WEIGHT) - without[code].score * base)
        / GOAL_WEIGHT
        for code in without
    }


@pytest.mark.parametrize(
    ("goal", "winners"),
    [
        ("events", {"facebook"}),
        ("professional", {"linkedin"}),
        ("video", {"youtube", "tiktok"}),
        ("community", {"facebook"}),
        ("visibility", {"facebook"}),
    ],
)
def test_goal_helps_the_platforms_built_for_it_most(profiles, goal, winners):
    fit = _goal_fit(profiles, goal)
    best = max(fit.values())
    assert {code for code, value in fit.items() if value > best - 0.01} == winners
    assert all(-0.01 < value < 1.01 for value in fit.values())


def test_goal_reason_lists_the_matching_features(profiles):
    facebook = by_code(
        recommend(
            platforms=profiles, segments=[Segment(30, 45)], content_types=["image"], goal="events"
        )
    )["facebook"]
    assert any("Events" in r and "Stories" in r for r in facebook.reasons)


# Validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18-25", Segment(18, 25, 1.0)),
        ("18-25:2", Segment(18, 25, 2.0)),
        (" 30 - 45 : 1.5 ", Segment(30, 45, 1.5)),
        ("0-120", Segment(0, 120)),
        ("7-7", Segment(7, 7)),
    ],
)
def test_parse_segment_reads_ranges_and_weights(text, expected):
    assert parse_segment(text) == expected


@pytest.mark.parametrize(
    "text", ["40-20", "-5-10", "abc", "10-20:0", "10-20:x", "", "10-20:-1", "10-130", "10-20:inf"]
)
def test_parse_segment_rejects_bad_input_with_a_message(text):
    with pytest.raises(ValueError, match=r"\w") as error:
        parse_segment(text)
    assert str(error.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"age_min": 40, "age_max": 20},
        {"age_min": -1, "age_max": 5},
        {"age_min": 5, "age_max": 121},
        {"age_min": 5, "age_max": 9, "weight": 0},
    ],
)
def test_segment_validates_its_range_and_weight(kwargs):
    with pytest.raises(ValueError):
        Segment(**kwargs)


def test_unknown_content_type_is_refused(profiles):
    with pytest.raises(ValueError, match="podcast"):
        recommend(platforms=profiles, segments=[Segment(18, 30)], content_types=["podcast"])


def test_unknown_goal_is_refused(profiles):
    with pytest.raises(ValueError, match="fame"):
        recommend(
            platforms=profiles, segments=[Segment(18, 30)], content_types=["text"], goal="fame"
        )


def test_no_segment_is_refused(profiles):
    with pytest.raises(ValueError):
        recommend(platforms=profiles, segments=[], content_types=["text"])


# Output --------------------------------------------------------------------------------------


def test_as_dict_has_the_json_contract_shape(profiles):
    preset = PRESETS["municipal_library"]
    results = recommend(
        platforms=profiles,
        segments=preset.segments,
        content_types=preset.content_types,
        goal=preset.goal,
        today_year=2030,
    )
    data = [r.as_dict() for r in results]
    assert json.loads(json.dumps(data)) == data
    for item, result in zip(data, results, strict=True):
        assert set(item) == {"platform", "score", "recommended", "reasons", "warnings"}
        assert item["score"] == round(result.score, 2)
        assert item["recommended"] is result.recommended
        assert all(type(s) is str for s in item["reasons"] + item["warnings"])
    assert data[0]["platform"] == "facebook" and data[0]["reasons"] and data[0]["warnings"]
    assert {i["platform"] for i in data if i["recommended"]} == {"facebook", "youtube", "tiktok"}


# The catalogue file the recommender relies on -------------------------------------------------


def test_catalogue_content_types_follow_the_deck_table(profiles):
    assert {p.code: set(p.content_types) for p in profiles} == DECK_CONTENT


def test_catalogue_says_tiktok_band_is_an_assumption():
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    tiktok = next(p for p in data["platforms"] if p["code"] == "tiktok")
    assert "assumption" in tiktok["source"]
    assert all(p["image_formats"] for p in data["platforms"])
    assert all(f["source"] and f["year"] for p in data["platforms"] for f in p["figures"])


def test_feature_names_are_translated_in_reasons():
    from django.utils import translation

    from platforms.recommender import feature_label

    with translation.override("fr"):
        assert feature_label("Live streaming") == "Diffusion en direct"
        assert feature_label(" groups ") == "Groupes"
        assert feature_label("Something new") == "Something new"
