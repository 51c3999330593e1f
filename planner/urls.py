from core.urls import org_path

from .views import benefits, objectives, plan, review

app_name = "planner"

urlpatterns = [
    org_path("plans/", plan.PlanListView.as_view(), "plan_list"),
    org_path("plans/new/", plan.PlanCreateView.as_view(), "plan_create"),
    org_path("plans/<int:plan_pk>/", plan.PlanDetailView.as_view(), "plan_detail"),
    org_path("plans/<int:plan_pk>/edit/", plan.PlanUpdateView.as_view(), "plan_update"),
    org_path("plans/<int:plan_pk>/status/", plan.PlanTransitionView.as_view(), "plan_transition"),
    org_path("plans/<int:plan_pk>/delete/", plan.PlanDeleteView.as_view(), "plan_delete"),
    # Step 1: benefits and risks (the register, its suggestions and the heat map).
    org_path("plans/<int:plan_pk>/benefits/", benefits.BenefitsView.as_view(), "benefits"),
    org_path(
        "plans/<int:plan_pk>/benefits/add/", benefits.BenefitCreateView.as_view(), "benefit_create"
    ),
    org_path(
        "plans/<int:plan_pk>/benefits/suggest/",
        benefits.BenefitSuggestView.as_view(),
        "benefit_suggest",
    ),
    org_path(
        "plans/<int:plan_pk>/benefits/<int:item_pk>/edit/",
        benefits.BenefitUpdateView.as_view(),
        "benefit_update",
    ),
    org_path(
        "plans/<int:plan_pk>/benefits/<int:item_pk>/delete/",
        benefits.BenefitDeleteView.as_view(),
        "benefit_delete",
    ),
]

# Step 2: the objective cascade and SMART goals (planner/views/objectives.py).
urlpatterns += [
    org_path(
        "plans/<int:plan_pk>/objectives/", objectives.ObjectiveTreeView.as_view(), "objectives"
    ),
    org_path(
        "plans/<int:plan_pk>/objectives/add/",
        objectives.ObjectiveCreateView.as_view(),
        "objective_create",
    ),
    org_path(
        "plans/<int:plan_pk>/objectives/example/",
        objectives.ObjectiveExampleView.as_view(),
        "objective_example",
    ),
    org_path(
        "plans/<int:plan_pk>/objectives/<int:objective_pk>/edit/",
        objectives.ObjectiveUpdateView.as_view(),
        "objective_update",
    ),
    org_path(
        "plans/<int:plan_pk>/objectives/<int:objective_pk>/delete/",
        objectives.ObjectiveDeleteView.as_view(),
        "objective_delete",
    ),
    org_path("plans/<int:plan_pk>/goals/add/", objectives.GoalCreateView.as_view(), "goal_create"),
    org_path(
        "plans/<int:plan_pk>/goals/<int:goal_pk>/",
        objectives.GoalDetailView.as_view(),
        "goal_detail",
    ),
    org_path(
        "plans/<int:plan_pk>/goals/<int:goal_pk>/edit/",
        objectives.GoalUpdateView.as_view(),
        "goal_update",
    ),
    org_path(
        "plans/<int:plan_pk>/goals/<int:goal_pk>/delete/",
        objectives.GoalDeleteView.as_view(),
        "goal_delete",
    ),
    # The plan: duplicate (issue #16).
    org_path("plans/<int:plan_pk>/duplicate/", plan.PlanDuplicateView.as_view(), "plan_duplicate"),
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
