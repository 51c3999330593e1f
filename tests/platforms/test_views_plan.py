"""Plan step 3 pages: audience, live ranking, choosing and removing platforms; roles."""

import pytest

from accounts.models import ActivityEntry, Role
from platforms.models import AudienceSegment, Platform, PlatformBrief, PlatformChoice
from platforms.services.plan import audience_update
from tests.factories import PlatformFactory
from tests.helpers import url

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
        url("platforms:plan_platforms", plan) + "?preset=municipal_library"
    )
    ranking = [rec.platform for rec, _choice in response.context["ranking"]]
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
    warnings = {rec.platform: rec.warnings for rec, _choice in response.context["ranking"]}
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
    audience_update(
        plan=plan,
        segments=[{"label": "Students", "age_min": 18, "age_max": 25, "weight": 1}],
        content_types=["image"],
        goal="",
        preset="",
        actor=client.membership.user,
    )
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
    audience_update(
        plan=plan,
        segments=[
            {"label": f"S{i}", "age_min": 10 + i, "age_max": 30 + i, "weight": 1} for i in range(8)
        ],
        content_types=["image", "text"],
        goal="events",
        preset="",
        actor=client.membership.user,
    )
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
        url("platforms:plan_platforms", plan) + "?preset=municipal_library"
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
