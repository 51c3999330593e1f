"""The management commands: recommend_platforms and load_platforms."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import PlatformFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("recommend_platforms", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_valid_sorted_and_complete(catalogue):
    data = json.loads(run("--segment", "35-44", "--content", "text", "--format", "json"))
    assert len(data) == 9
    keys = {"platform", "score", "recommended", "reasons", "warnings"}
    assert [set(item) for item in data] == [keys] * 9
    scores = [item["score"] for item in data]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_json_marks_the_recommended_set_of_the_decks_example_2(catalogue):
    args = ["--segment", "18-25:4", "--segment", "30-60:1", "--goal", "visibility"]
    data = json.loads(run(*args, "--content", "text,short_text,image,video", "--format", "json"))
    assert {i["platform"] for i in data if i["recommended"]} == {"facebook", "twitter", "youtube"}


def test_text_output_names_the_set_then_lists_reasons(catalogue):
    out = run("--segment", "18-25:2", "--segment", "30-60", "--content", "image,video")
    lines = out.splitlines()
    assert lines[0] == "Recommended set:"
    assert lines[1].startswith("  * Facebook: Reaches")
    assert " 1.*Facebook" in out
    assert "+ " in out


def test_old_figures_are_flagged(db):
    PlatformFactory(code="oldbook", name="Oldbook", source_year=2015)
    out = run("--segment", "30-45", "--content", "text")
    assert "! The age band dates from 2015" in out


@pytest.mark.parametrize("segment", ["40-20", "-5-10", "abc", "10-20:0"])
def test_bad_range_exits_2_with_a_message(catalogue, segment):
    with pytest.raises(CommandError) as error:
        run(f"--segment={segment}", "--content", "text")
    assert error.value.returncode == 2
    assert str(error.value)


def test_unknown_content_type_and_goal_exit_2(catalogue):
    with pytest.raises(CommandError) as error:
        run("--segment", "18-30", "--content", "text,podcast")
    assert error.value.returncode == 2
    with pytest.raises(CommandError) as error:
        run("--segment", "18-30", "--content", "text", "--goal", "fame")
    assert error.value.returncode == 2


def test_empty_catalogue_is_explained():
    with pytest.raises(CommandError, match="load_platforms"):
        run("--segment", "18-30", "--content", "text")


def test_load_platforms_command_reports(capsys):
    call_command("load_platforms")
    assert "9 platform(s)" in capsys.readouterr().out
