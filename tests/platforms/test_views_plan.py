"""Plan step 3 pages: audience, live ranking, choosing and removing platforms; roles."""

import re

import pytest
from django.contrib.messages import get_messages

from accounts.models import ActivityEntry, Role
from platforms.forms.plan import MAX_SEGMENTS
from platforms.models import AudienceSegment, Platform, PlatformBrief, PlatformChoice
from tests.factories import PlatformFactory
from tests.helpers import save_audience, url

pytestmark = pytest.mark.django_db


def audience_data(rows, content=("image", "video"), goal="", total=None):
    data = {
        "seg-TOTAL_FORMS": str(total or len(rows)),
        "seg-INITIAL_FORMS": "0",
        "seg-MIN_NUM_FORMS": "0",
        "seg-MAX_NUM_FORMS": "8",
        "content_types": list(content),
        "goal": goal,
        "preset": "",
    }
    for i, (label, lo, hi, weight) in enumerate(rows):
        data.update(
            {
                f"seg-{i}-label": label,
                f"seg-{i}-age_min": lo,
                f"seg-{i}-age_max": hi,
                f"seg-{i}-weight": weight,
            }
        )
    return data


def test_empty_plan_invites_to_describe_the_audience(client_as, plan, catalogue):
    page = client_as(Role.VIEWER).get(url("platforms:plan_platforms", plan)).content.decode()
    assert "Describe at least one audience" in page


def test_preset_loads_the_deck_example_without_saving(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).get(
        url("platforms:plan_platforms", plan) + "?load=municipal_library"
    )
    ranking = [rec.platform for rec, _choice, _warnings in response.context["ranking"]]
    assert ranking[0] == "facebook"
    assert not PlatformBrief.objects.filter(plan=plan).exists()


def test_htmx_request_returns_only_the_ranking(client_as, plan, catalogue):
    client = client_as(Role.VIEWER)
    response = client.get(
        url("platforms:plan_platforms", plan),
        audience_data([("Students", 18, 25, 2)]),
        headers={"HX-Request": "true", "HX-Target": "ranking"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page and "ranking-item" in page
    assert "Students" in page


def test_full_page_and_fragment_come_from_the_same_view(client_as, plan, catalogue):
    client = client_as(Role.VIEWER)
    data = audience_data([("Students", 18, 25, 2)])
    full = client.get(url("platforms:plan_platforms", plan), data).content.decode()
    assert "<html" in full and "ranking-item" in full


def test_editor_saves_the_audience(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    response = client.post(
        url("platforms:plan_platforms", plan),
        audience_data([("Families", 30, 45, 2), ("", "", "", "1")], goal="events"),
    )
    assert response.status_code == 302
    segments = list(AudienceSegment.objects.filter(plan=plan))
    assert [(s.label, s.age_min, s.age_max) for s in segments] == [("Families", 30, 45)]
    assert PlatformBrief.objects.get(plan=plan).goal == "events"
    assert ActivityEntry.objects.filter(verb="plan.audience").exists()


def test_bad_range_keeps_input_and_saves_nothing(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).post(
        url("platforms:plan_platforms", plan), audience_data([("Teens", 40, 20, 1)])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The range ends before it starts" in page
    assert 'value="Teens"' in page
    assert not AudienceSegment.objects.exists()


def test_no_content_type_is_an_error(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).post(
        url("platforms:plan_platforms", plan), audience_data([("A", 20, 30, 1)], content=())
    )
    assert "Choose at least one type of content" in response.content.decode()


def test_ranking_warns_about_figures_more_than_five_years_old(client_as, plan):
    PlatformFactory(code="oldbook", name="Oldbook", source_year=2015)
    PlatformFactory(code="newbook", name="Newbook")  # figures from this year
    response = client_as(Role.VIEWER).get(
        url("platforms:plan_platforms", plan), audience_data([("Adults", 30, 45, 1)])
    )
    warnings = {
        rec.platform: rec.warnings for rec, _choice, _warnings in response.context["ranking"]
    }
    assert any("dates from 2015" in w for w in warnings["oldbook"])
    assert not any("dates from" in w for w in warnings["newbook"])
    assert "The age band dates from 2015" in response.content.decode()


def test_viewer_can_explore_but_not_save(client_as, plan, catalogue):
    client = client_as(Role.VIEWER)
    assert (
        client.post(
            url("platforms:plan_platforms", plan), audience_data([("A", 20, 30, 1)])
        ).status_code
        == 403
    )
    assert not AudienceSegment.objects.exists()


def test_choosing_a_platform_keeps_score_reasons_and_name(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_audience(plan, client.membership.user, [("Students", 18, 25, 1)])
    choose = url("platforms:plan_choose", plan, platform_code="instagram")
    form = client.get(choose)
    assert "Students" in form.context["form"].initial["rationale"]
    response = client.post(choose, {"priority": 1, "rationale": "Our students are there."})
    assert response.status_code == 302
    choice = PlatformChoice.objects.get(plan=plan)
    assert choice.platform_name == "Instagram" and choice.score is not None and choice.reasons
    # The catalogue changes later: the plan keeps what was chosen.
    Platform.objects.filter(code="instagram").update(name="Instagram (Meta)")
    page = client.get(url("platforms:plan_platforms", plan)).content.decode()
    assert "Our students are there." in page


def test_choice_without_rationale_is_refused(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).post(
        url("platforms:plan_choose", plan, platform_code="youtube"),
        {"priority": 1, "rationale": ""},
    )
    assert response.status_code == 200
    assert not PlatformChoice.objects.exists()


def test_unknown_platform_code_is_404(client_as, plan, catalogue):
    assert (
        client_as(Role.EDITOR)
        .get(url("platforms:plan_choose", plan, platform_code="myspace"))
        .status_code
        == 404
    )


def test_remove_choice_after_confirmation(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    client.post(
        url("platforms:plan_choose", plan, platform_code="youtube"),
        {"priority": 2, "rationale": "Videos"},
    )
    choice = PlatformChoice.objects.get()
    remove = url("platforms:plan_choice_remove", plan, choice_pk=choice.pk)
    assert "will be removed" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    assert not PlatformChoice.objects.exists()


def test_page_query_count_is_constant(client_as, plan, catalogue, django_assert_max_num_queries):
    client = client_as(Role.EDITOR)
    rows = [(f"S{i}", 10 + i, 30 + i, 1) for i in range(8)]
    save_audience(plan, client.membership.user, rows, ["image", "text"], goal="events")
    for code in ("facebook", "instagram", "youtube", "tiktok"):
        client.post(
            url("platforms:plan_choose", plan, platform_code=code),
            {"priority": 1, "rationale": "x"},
        )
    with django_assert_max_num_queries(14):
        assert client.get(url("platforms:plan_platforms", plan)).status_code == 200


def test_live_ranking_lists_the_errors_of_an_invalid_audience(client_as, plan, catalogue):
    response = client_as(Role.VIEWER).get(
        url("platforms:plan_platforms", plan),
        audience_data([("Teens", 18, 10, 1)]),
        headers={"HX-Request": "true", "HX-Target": "ranking"},
    )
    page = response.content.decode()
    assert "The audience has errors" in page and "Audience 1:" in page
    assert "ranking-item" not in page


def test_an_unsaved_audience_must_be_saved_before_choosing(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    choose = url("platforms:plan_choose", plan, platform_code="facebook")
    page = client.get(
        url("platforms:plan_platforms", plan) + "?load=municipal_library"
    ).content.decode()
    assert "save the audience to keep them and to choose platforms" in page
    assert choose not in page
    client.post(url("platforms:plan_platforms", plan), audience_data([("Families", 25, 44, 1)]))
    assert choose in client.get(url("platforms:plan_platforms", plan)).content.decode()


def test_weights_are_not_localized_in_number_inputs(client_as, org, plan, catalogue):
    org.language = "fr"
    org.save()
    client = client_as(Role.EDITOR)
    client.post(url("platforms:plan_platforms", plan), audience_data([("Familles", 25, 44, "1.5")]))
    page = client.get(url("platforms:plan_platforms", plan)).content.decode()
    assert 'value="1.5"' in page and 'value="1,5"' not in page


# Presets and the live ranking (issue #14) ----------------------------------------------------

LIVE = {"HX-Request": "true", "HX-Target": "ranking"}


def preset_data(**changes):
    """The municipal library preset as the form sends it, Parents (row 2) edited."""
    rows = [("Children", 6, 11, 1), ("Parents", 30, 45, 3), ("Youth", 15, 24, 2)]
    rows[1] = ("Parents", changes.get("age_min", 30), changes.get("age_max", 45), "3")
    data = audience_data(rows, goal="events")
    data["preset"] = "municipal_library"
    return data


def test_live_request_follows_the_edits_of_a_loaded_preset(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    response = client.get(
        url("platforms:plan_platforms", plan), preset_data(age_min=15, age_max=20), headers=LIVE
    )
    page = response.content.decode()
    assert "(15–20)" in page and "(30–45)" not in page
    assert not list(get_messages(response.wsgi_request))


def test_live_request_never_reloads_a_preset_nor_adds_a_message(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    live = url("platforms:plan_platforms", plan) + "?load=municipal_library"
    for age_max in (20, 21, 22):
        client.get(live, preset_data(age_min=15, age_max=age_max), headers=LIVE)
    page = client.get(url("platforms:plan_platforms", plan))
    assert not list(get_messages(page.wsgi_request))
    assert "loaded" not in page.content.decode()


def test_preset_link_says_it_was_loaded_in_the_page_not_as_a_message(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).get(
        url("platforms:plan_platforms", plan) + "?load=heritage_archives"
    )
    page = response.content.decode()
    assert 'id="preset-loaded"' in page and "Heritage archives with a small museum" in page
    assert not list(get_messages(response.wsgi_request))
    # The hidden field records where the audience came from; it is saved with the audience.
    assert response.context["brief_form"]["preset"].value() == "heritage_archives"


def test_saving_keeps_the_preset_the_audience_came_from(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    client.post(url("platforms:plan_platforms", plan), preset_data(age_min=15, age_max=20))
    assert PlatformBrief.objects.get(plan=plan).preset == "municipal_library"


def audience_form(page: str) -> str:
    return re.search(r'<form[^>]*id="audience-form".*?</form>', page, re.S).group(0)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
def test_live_ranking_never_sends_the_csrf_token(client_as, plan, catalogue, role):
    form = audience_form(
        client_as(role).get(url("platforms:plan_platforms", plan)).content.decode()
    )
    opening = form[: form.index(">") + 1]
    assert "hx-get=" in opening
    assert re.search(r'hx-params="not csrfmiddlewaretoken(,[a-z_]+)*"', opening)
    # Without JavaScript, the GET fallbacks carry no token: editors post, viewers have none.
    if role == Role.EDITOR:
        assert 'method="post"' in opening and 'name="csrfmiddlewaretoken"' in form
    else:
        assert 'method="get"' in opening and 'name="csrfmiddlewaretoken"' not in form


def test_update_the_ranking_without_javascript_saves_nothing(client_as, plan, catalogue):
    data = {**audience_data([("Students", 18, 25, 2)]), "preview": "1"}
    response = client_as(Role.EDITOR).post(url("platforms:plan_platforms", plan), data)
    assert response.status_code == 200 and "ranking-item" in response.content.decode()
    assert not AudienceSegment.objects.exists()


# Scores ---------------------------------------------------------------------------------------


def test_scores_read_out_of_100_on_every_page(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_audience(plan, client.membership.user, [("Students", 18, 25, 1)])
    choose = url("platforms:plan_choose", plan, platform_code="instagram")
    assert re.search(r"Score: \d{1,3}/100", client.get(choose).content.decode())
    client.post(choose, {"priority": 1, "rationale": "Students."})
    page = client.get(url("platforms:plan_platforms", plan)).content.decode()
    assert re.search(r"score then: \d{1,3}/100", page)
    assert re.search(r'fw-semibold">\d{1,3}/100<', page)
    assert not re.search(r"\b0[.,]\d\d\b", page)


# One main platform ----------------------------------------------------------------------------


def test_a_new_main_platform_says_which_one_became_secondary(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    for code in ("instagram", "facebook"):
        response = client.post(
            url("platforms:plan_choose", plan, platform_code=code),
            {"priority": PlatformChoice.Priority.PRIMARY, "rationale": "Families."},
            follow=True,
        )
    assert "Facebook is now the main platform; Instagram became secondary." in (
        response.content.decode()
    )
    priorities = dict(PlatformChoice.objects.values_list("platform__code", "priority"))
    assert priorities == {"facebook": 1, "instagram": 2}


def test_the_choice_form_explains_the_one_main_platform_rule(client_as, plan, catalogue):
    page = client_as(Role.EDITOR).get(url("platforms:plan_choose", plan, platform_code="youtube"))
    assert "A plan has one main platform" in page.content.decode()


# Rationale length -----------------------------------------------------------------------------


def rationale_with_line_breaks(length: int) -> str:
    """``length`` characters as the browser counts them (one per line break), sent as CRLF."""
    text = ("x" * 99 + "\n") * 19 + "y" * (length - 1900)
    assert len(text) == length
    return text.replace("\n", "\r\n")


def test_a_rationale_of_2000_characters_with_line_breaks_is_accepted(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    choose = url("platforms:plan_choose", plan, platform_code="youtube")
    response = client.post(choose, {"priority": 2, "rationale": rationale_with_line_breaks(2000)})
    assert response.status_code == 302
    rationale = PlatformChoice.objects.get().rationale
    assert len(rationale) == 2000 and "\r" not in rationale
    response = client.post(choose, {"priority": 2, "rationale": rationale_with_line_breaks(2001)})
    assert response.status_code == 200
    assert "at most 2000 characters (it has 2001)" in response.content.decode()


# French numbers -------------------------------------------------------------------------------


def visible_text(page: str) -> str:
    """The text a reader sees: no tags (so no attribute like value="1.5" or step="0.1")."""
    page = re.sub(r"<(script|template)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


def test_french_step_3_writes_decimals_with_a_comma(client_as, org, plan, catalogue):
    org.language = "fr"
    org.save()
    client = client_as(Role.EDITOR)
    page = client.get(url("platforms:plan_platforms", plan) + "?load=municipal_library")
    assert not re.findall(r"\d\.\d", visible_text(page.content.decode()))
    errors = audience_data([("Familles", 25, 44, "0.05"), ("Ados", 12, 17, "11")])
    for response in (
        client.post(url("platforms:plan_platforms", plan), errors),
        client.get(url("platforms:plan_platforms", plan), errors, headers=LIVE),
    ):
        text = visible_text(response.content.decode())
        assert "0,1" in text and "supérieure ou égale" in text
        assert not re.findall(r".{20}\d\.\d.{20}", text)
    assert (
        'value="0.05"'
        in client.post(url("platforms:plan_platforms", plan), errors).content.decode()
    )


# Adding an audience row -----------------------------------------------------------------------


def test_add_a_row_without_javascript_keeps_what_was_typed(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    data = {**audience_data([("Students", 18, 25, 2), ("Staff", 30, 60, 1)]), "add_row": "1"}
    response = client.post(url("platforms:plan_platforms", plan), data)
    assert response.status_code == 200
    formset = response.context["formset"]
    assert formset.total_form_count() == 3
    page = response.content.decode()
    assert 'value="Students"' in page and 'value="Staff"' in page
    assert 'name="seg-2-age_min"' in page
    assert "Save to get more empty rows" not in page
    assert not AudienceSegment.objects.exists()


def test_viewers_add_a_row_by_get(client_as, plan, catalogue):
    data = {**audience_data([("Students", 18, 25, 2)]), "add_row": "1"}
    response = client_as(Role.VIEWER).get(url("platforms:plan_platforms", plan), data)
    assert response.context["formset"].total_form_count() == 2
    assert "csrfmiddlewaretoken" not in response.wsgi_request.get_full_path()


def test_the_page_has_a_template_row_for_javascript(client_as, plan, catalogue):
    page = client_as(Role.EDITOR).get(url("platforms:plan_platforms", plan)).content.decode()
    template = re.search(r'<template id="segment-row-template">(.*?)</template>', page, re.S)
    assert template and 'name="seg-__prefix__-age_min"' in template.group(1)
    assert 'data-add-row="#segment-row-template"' in page and "js/formset-rows.js" in page


def test_more_than_eight_audiences_up_to_a_clear_bound(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    rows = [(f"S{i}", 10 + i, 30 + i, 1) for i in range(MAX_SEGMENTS)]
    assert (
        client.post(url("platforms:plan_platforms", plan), audience_data(rows)).status_code == 302
    )
    assert AudienceSegment.objects.count() == MAX_SEGMENTS > 8
    # At the bound, the button adds nothing and says why.
    at_bound = client.post(
        url("platforms:plan_platforms", plan), {**audience_data(rows), "add_row": "1"}
    )
    assert at_bound.context["formset"].total_form_count() == MAX_SEGMENTS
    assert f"At most {MAX_SEGMENTS} audiences." in at_bound.content.decode()
    too_many = audience_data([*rows, ("One more", 20, 30, 1)])
    response = client.post(url("platforms:plan_platforms", plan), too_many)
    assert f"Describe at most {MAX_SEGMENTS} audiences" in response.content.decode()


def test_whole_weights_show_without_a_decimal_point(client_as, plan, catalogue):
    page = client_as(Role.EDITOR).get(
        url("platforms:plan_platforms", plan) + "?load=municipal_library"
    )
    assert 'name="seg-1-weight" value="3"' in page.content.decode()


# The recommended set -------------------------------------------------------------------------


def save_university_audience(plan, actor):
    rows = [("Students", 18, 25, 4), ("Faculty", 30, 60, 1)]
    save_audience(plan, actor, rows, ["text", "short_text", "image", "video"], goal="visibility")


def test_step_3_shows_the_recommended_set_above_the_ranking(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_university_audience(plan, client.membership.user)
    response = client.get(url("platforms:plan_platforms", plan))
    page = response.content.decode()
    members = [m.platform for m, _choice in response.context["set_members"]]
    assert members == ["facebook", "twitter", "youtube"]
    assert page.index('id="recommended-set"') < page.index('class="list-unstyled ranking')
    assert "A stronger home for videos than Facebook" in page
    assert "Choose this set (adds 3 platforms)" in page
    flagged = [rec.platform for rec, _c, _w in response.context["ranking"] if rec.recommended]
    assert sorted(flagged) == ["facebook", "twitter", "youtube"]
    assert page.count("In the set") == 3


def test_live_request_recomputes_the_set(client_as, plan, catalogue):
    response = client_as(Role.VIEWER).get(
        url("platforms:plan_platforms", plan),
        audience_data([("Makers", 16, 22, 1), ("Older makers", 23, 35, 1)], content=("video",)),
        headers={"HX-Request": "true", "HX-Target": "ranking"},
    )
    assert [m.platform for m, _c in response.context["set_members"]] == ["youtube", "tiktok"]
    assert 'id="recommended-set"' in response.content.decode()
    assert "Choose this set" not in response.content.decode()  # a viewer, and unsaved


def test_a_segment_nobody_reaches_is_a_warning_on_the_set(client_as, plan, catalogue):
    page = (
        client_as(Role.VIEWER)
        .get(url("platforms:plan_platforms", plan), audience_data([("Toddlers", 1, 5, 1)]))
        .content.decode()
    )
    assert "No platform of the set reaches “Toddlers” (1–5)" in page


def test_choose_the_set_in_one_click(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_university_audience(plan, client.membership.user)
    response = client.post(
        url("platforms:plan_choose_set", plan),
        {"platform": ["facebook", "twitter", "youtube"]},
        follow=True,
    )
    choices = {c.platform.code: c for c in PlatformChoice.objects.filter(plan=plan)}
    assert set(choices) == {"facebook", "twitter", "youtube"}
    assert choices["facebook"].priority == PlatformChoice.Priority.PRIMARY
    assert choices["youtube"].priority == PlatformChoice.Priority.SECONDARY
    assert choices["youtube"].rationale.startswith("- A stronger home for videos than Facebook")
    assert choices["youtube"].score is not None and choices["youtube"].reasons
    message = [str(m) for m in get_messages(response.wsgi_request)][-1]
    assert "Facebook, X (Twitter), YouTube added" in message and "Facebook is the main" in message
    assert "Every platform of the set is in the plan." in response.content.decode()


def test_choosing_the_set_keeps_the_teams_choices(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_university_audience(plan, client.membership.user)
    client.post(
        url("platforms:plan_choose", plan, platform_code="youtube"),
        {"priority": 1, "rationale": "Our tutorials."},
    )
    client.post(
        url("platforms:plan_choose_set", plan), {"platform": ["facebook", "twitter", "youtube"]}
    )
    choices = {c.platform.code: c for c in PlatformChoice.objects.filter(plan=plan)}
    assert choices["youtube"].rationale == "Our tutorials."
    assert choices["youtube"].priority == PlatformChoice.Priority.PRIMARY
    assert choices["facebook"].priority == PlatformChoice.Priority.SECONDARY
    assert len(choices) == 3


def test_a_set_that_changed_since_the_page_loaded_is_refused(client_as, plan, catalogue):
    client = client_as(Role.EDITOR)
    save_university_audience(plan, client.membership.user)
    response = client.post(
        url("platforms:plan_choose_set", plan), {"platform": ["facebook", "instagram"]}
    )
    assert response.status_code == 302
    assert not PlatformChoice.objects.filter(plan=plan).exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("has changed since the page was loaded" in m for m in messages)


def test_choosing_the_set_without_an_audience_is_refused(client_as, plan, catalogue):
    response = client_as(Role.EDITOR).post(
        url("platforms:plan_choose_set", plan), {"platform": ["facebook"]}
    )
    assert response.status_code == 302
    assert not PlatformChoice.objects.exists()


@pytest.mark.parametrize(("role", "status"), [(Role.VIEWER, 403), (Role.CONTRIBUTOR, 403)])
def test_only_editors_choose_the_set(client_as, plan, catalogue, role, status):
    client = client_as(role)
    save_university_audience(plan, client.membership.user)
    response = client.post(url("platforms:plan_choose_set", plan), {"platform": ["facebook"]})
    assert response.status_code == status
    assert not PlatformChoice.objects.exists()


def test_choose_set_answers_post_only(client_as, plan, catalogue):
    assert client_as(Role.EDITOR).get(url("platforms:plan_choose_set", plan)).status_code == 405


def test_a_warning_every_platform_shares_is_said_once(client_as, plan):
    PlatformFactory(code="oldbook", name="Oldbook", source_year=2015)
    PlatformFactory(code="otherbook", name="Otherbook", source_year=2015)
    response = client_as(Role.VIEWER).get(
        url("platforms:plan_platforms", plan), audience_data([("Adults", 30, 45, 1)])
    )
    page = response.content.decode()
    assert page.count("The age band dates from 2015") == 1
    assert "Every platform: The age band dates from 2015" in page
    assert all(
        not any("2015" in w for w in warnings) for _r, _c, warnings in response.context["ranking"]
    )


@pytest.mark.parametrize("preset", ["x" * 41, "x" * 10_000, "not_a_preset"])
def test_a_forged_preset_is_dropped_not_stored(client_as, plan, catalogue, preset):
    data = {**audience_data([("Adults", 30, 45, 1)]), "preset": preset}
    response = client_as(Role.EDITOR).post(url("platforms:plan_platforms", plan), data)
    assert response.status_code == 302
    assert PlatformBrief.objects.get(plan=plan).preset == ""


def test_a_known_preset_is_kept(client_as, plan, catalogue):
    data = {**audience_data([("Adults", 30, 45, 1)]), "preset": "university_library"}
    client_as(Role.EDITOR).post(url("platforms:plan_platforms", plan), data)
    assert PlatformBrief.objects.get(plan=plan).preset == "university_library"
