"""Start page, organisation switcher, organisation home, health check and error pages."""

from celery.exceptions import TimeoutError as CeleryTimeout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from accounts.selectors import activity_list, organization_list
from config.celery import app
from planner.selectors.plan import plan_in_progress_list, plan_overview

from .permissions import OrgViewMixin
from .steps import step_links
from .tasks import ping_task

HEALTH_TASK_TIMEOUT_SECONDS = 3


@login_required
def start(request):
    """Send people to their organisation: the last one used, the only one, or a chooser."""
    orgs = organization_list(user=request.user)
    last = request.session.get("last_org")
    if last and orgs.filter(slug=last).exists():
        return redirect("core:home", org_slug=last)
    slugs = list(orgs.values_list("slug", flat=True)[:2])
    if len(slugs) == 1:
        return redirect("core:home", org_slug=slugs[0])
    return redirect("core:org_switch")


class OrganizationSwitchView(LoginRequiredMixin, ListView):
    template_name = "core/org_switch.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return organization_list(user=self.request.user)


#: How many plans in progress the home page lists (the current one first).
HOME_PLANS = 5


class HomeView(OrgViewMixin, TemplateView):
    """The organisation home: continue the current plan, the seven steps, recent activity.

    The *current plan* is the most recently updated plan that is not archived; each step card
    opens that step of it when the step has a plan page, and shows the step's state in it
    (``planner.completion``: "3 goals awaiting review").
    """

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        plans = list(plan_in_progress_list(org=self.org)[:HOME_PLANS])
        current = plans[0] if plans else None
        completion, next_step = plan_overview(current) if current else ({}, None)
        return super().get_context_data(
            activity=activity_list(org=self.org)[:6],
            current_plan=current,
            other_plans=plans[1:],
            next_step=next_step,
            home_steps=[
                (step, url, org_url, completion.get(step.number))
                for step, url, org_url in step_links(self.org, current)
            ],
            **kwargs,
        )


def _broker_status() -> str:
    if app.conf.task_always_eager:
        return "eager" if ping_task.delay().get() == "pong" else "error"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        ping_task.apply_async(retry=False).get(timeout=HEALTH_TASK_TIMEOUT_SECONDS)
    except CeleryTimeout:
        return "no_worker"
    except Exception:
        return "unreachable"
    return "ok"


@never_cache
def healthz(request):
    """200 when the database answers; ``status`` is "degraded" when the broker does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:
        database = "unreachable"
    broker = _broker_status()
    ok = database == "ok" and broker in ("ok", "eager")
    return JsonResponse(
        {"status": "ok" if ok else "degraded", "database": database, "broker": broker},
        status=200 if database == "ok" else 503,
    )


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors, which could fail again: a plain page.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())
