"""htmx in one place: a view renders its page, or only a partial of it for htmx requests.

The fragment is a template partial of the page (``{% partialdef name inline %}``), rendered as
``"<page>.html#name"``, so its markup lives once. Responses that differ for htmx say so with
``Vary: HX-Request`` (caches must not serve one for the other). Writes done over htmx answer
with the updated fragment (or 204) and an ``HX-Trigger`` toast, which ``static/js/vitrine.js``
shows; without htmx the same form posts and redirects with a message.
"""

import json

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers


def render_page_or_partial(
    request, template_name: str, context: dict, *, partial: str, target=None
):
    """The page, or ``template_name#partial`` for an htmx request (aimed at ``target`` if set)."""
    htmx = getattr(request, "htmx", None)
    wants_partial = bool(htmx) and (target is None or htmx.target == target)
    name = f"{template_name}#{partial}" if wants_partial else template_name
    response = TemplateResponse(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def toast(response: HttpResponse, message: str) -> HttpResponse:
    """Show ``message`` as a toast when htmx receives ``response``."""
    response["HX-Trigger"] = json.dumps({"toast": str(message)})
    return response
