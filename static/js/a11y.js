// Keyboard and screen-reader behaviours shared by every page. Loaded as a file (CSP).
(function () {
  "use strict";

  // After a failed submit, focus goes where the errors are, rather than staying on the body:
  // the form's error summary (errors that name no field) when there is one, else the first
  // invalid field (its aria-describedby reads its error). Pages without errors are untouched.
  function focusErrors(root) {
    var scope = root || document.querySelector("main") || document;
    var summary = scope.querySelector("form .alert-danger, [data-error-summary]");
    var target = summary || scope.querySelector("[aria-invalid=true]");
    if (!target) return;
    if (target === summary && !summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    target.focus();
  }

  document.addEventListener("DOMContentLoaded", function () { focusErrors(); });

  document.addEventListener("htmx:afterSettle", function (event) {
    var detail = event.detail || {};
    var verb = detail.requestConfig && detail.requestConfig.verb;
    // Only a submitted form (a post), never the live ranking that follows typing.
    // An outerHTML swap leaves the old, detached element as the target: look in main instead.
    var root = detail.target && detail.target.isConnected ? detail.target : null;
    if (verb && verb.toLowerCase() === "post") focusErrors(root);

    // The live ranking: announce its one-line summary, not the whole list.
    var summary = document.getElementById("ranking-summary");
    var status = document.getElementById("ranking-status");
    if (summary && status && detail.target && detail.target.id === "ranking") {
      status.textContent = summary.textContent;
    }
  });
})();
