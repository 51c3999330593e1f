from core.urls import org_path

from .views import plan, review

app_name = "planner"

urlpatterns = [
    org_path("plans/", plan.PlanListView.as_view(), "plan_list"),
    org_path("plans/new/", plan.PlanCreateView.as_view(), "plan_create"),
    org_path("plans/<int:plan_pk>/", plan.PlanDetailView.as_view(), "plan_detail"),
    org_path("plans/<int:plan_pk>/edit/", plan.PlanUpdateView.as_view(), "plan_update"),
    org_path("plans/<int:plan_pk>/status/", plan.PlanTransitionView.as_view(), "plan_transition"),
    org_path("plans/<int:plan_pk>/delete/", plan.PlanDeleteView.as_view(), "plan_delete"),
    # Step 2, the manager's review of SMART goals (#16): the panel's steps, revisions, queue.
    org_path(
        "plans/<int:plan_pk>/goals/<int:goal_pk>/review/",
        review.GoalReviewView.as_view(),
        "goal_review",
    ),
    org_path(
        "plans/<int:plan_pk>/goals/<int:goal_pk>/revisions/",
        review.GoalRevisionsView.as_view(),
        "goal_revisions",
    ),
    org_path("reviews/", review.ReviewQueueView.as_view(), "review_queue"),
]
