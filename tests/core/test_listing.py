"""Filter and sort buttons: they keep the other filters, reset the page, ignore bad values."""

from django.test import RequestFactory

from core.listing import chosen, filter_group

OPTIONS = [("draft", "Draft"), ("active", "Active")]


def test_a_link_keeps_the_other_parameters_and_goes_back_to_page_one():
    request = RequestFactory().get("/o/x/plans/", {"sort": "title", "page": "3"})
    group = filter_group(request, "Status", "status", OPTIONS, "", all_label="All")
    assert [link.label for link in group.links] == ["All", "Draft", "Active"]
    assert group.links[0].active and not group.links[1].active
    assert group.links[1].url == "?sort=title&status=draft"


def test_the_all_link_removes_the_filter():
    request = RequestFactory().get("/o/x/plans/", {"status": "draft"})
    group = filter_group(request, "Status", "status", OPTIONS, "draft", all_label="All")
    assert group.links[0].url == "/o/x/plans/"
    assert group.links[1].active


def test_counts_are_attached_to_their_option():
    request = RequestFactory().get("/")
    group = filter_group(request, "", "state", OPTIONS, "draft", counts={"draft": 4})
    assert [link.count for link in group.links] == [4, None]


def test_unknown_values_fall_back_to_the_default():
    request = RequestFactory().get("/", {"status": "<script>"})
    assert chosen(request, "status", ["draft", "active"], "draft") == "draft"
    assert chosen(RequestFactory().get("/", {"status": "active"}), "status", ["active"]) == "active"
