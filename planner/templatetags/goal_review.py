"""The goal review panel, for any page showing a goal (``{% goal_review_panel goal %}``).

The goal's page may pass ``review`` (``planner.selectors.review.goal_review_context``) or
nothing: the panel then reads what it needs itself, in a constant number of queries.
"""

from django import template

from ..review import goal_page_url
from ..selectors.review import goal_review_context

register = template.Library()


@register.inclusion_tag("planner/review/_panel.html", takes_context=True)
def goal_review_panel(context, goal):
    review = context.get("review")
    if not isinstance(review, dict) or review.get("goal") is not goal:
        review = goal_review_context(goal, context.get("membership"))
    request = context.get("request")
    return {
        **review,
        "org": context.get("org"),
        "can": context.get("can"),
        "csrf_token": context.get("csrf_token"),
        "next_url": request.get_full_path() if request is not None else "",
    }


@register.filter
def goal_url(goal) -> str:
    """The goal's own page (where its review panel is)."""
    return goal_page_url(goal)
