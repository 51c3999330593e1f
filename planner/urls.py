from core.urls import org_path

from . import views

app_name = "planner"

urlpatterns = [
    org_path("plans/", views.PlanListView.as_view(), "plan_list"),
    org_path("plans/new/", views.PlanCreateView.as_view(), "plan_create"),
    org_path("plans/<int:plan_pk>/", views.PlanDetailView.as_view(), "plan_detail"),
    org_path("plans/<int:plan_pk>/edit/", views.PlanUpdateView.as_view(), "plan_update"),
    org_path("plans/<int:plan_pk>/delete/", views.PlanDeleteView.as_view(), "plan_delete"),
]
