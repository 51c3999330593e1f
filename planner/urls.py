from core.urls import org_path

from .views import plan

app_name = "planner"

urlpatterns = [
    org_path("plans/", plan.PlanListView.as_view(), "plan_list"),
    org_path("plans/new/", plan.PlanCreateView.as_view(), "plan_create"),
    org_path("plans/<int:plan_pk>/", plan.PlanDetailView.as_view(), "plan_detail"),
    org_path("plans/<int:plan_pk>/edit/", plan.PlanUpdateView.as_view(), "plan_update"),
    org_path("plans/<int:plan_pk>/status/", plan.PlanTransitionView.as_view(), "plan_transition"),
    org_path("plans/<int:plan_pk>/delete/", plan.PlanDeleteView.as_view(), "plan_delete"),
    # The plan: duplicate (issue #16).
    org_path("plans/<int:plan_pk>/duplicate/", plan.PlanDuplicateView.as_view(), "plan_duplicate"),
]
