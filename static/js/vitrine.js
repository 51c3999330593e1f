// Small behaviours that do not fit in HTML attributes. Loaded as a file: the CSP forbids inline scripts.
(function () {
  "use strict";
  // Writes answered with 204 + HX-Trigger {"toast": "message"} show a Bootstrap toast.
  document.addEventListener("toast", function (event) {
    var container = document.getElementById("toasts");
    if (!container || !window.bootstrap) return;
    var toast = document.createElement("div");
    toast.className = "toast align-items-center text-bg-dark border-0";
    toast.setAttribute("role", "status");
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = (event.detail && event.detail.value) || "";
    toast.appendChild(body);
    container.appendChild(toast);
    new window.bootstrap.Toast(toast).show();
    toast.addEventListener("hidden.bs.toast", function () { toast.remove(); });
  });

  // Forms hide the fields that only apply to one choice of a radio group:
  // <fieldset data-show-when="kind=partner"> is shown while the "kind" radio is "partner".
  function syncConditional(form) {
    form.querySelectorAll("[data-show-when]").forEach(function (block) {
      var rule = block.getAttribute("data-show-when").split("=");
      var checked = form.querySelector('input[name="' + rule[0] + '"]:checked');
      block.hidden = !!checked && checked.value !== rule[1] && !block.querySelector(".is-invalid");
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-show-when]")) return;
    syncConditional(form);
    form.addEventListener("change", function () { syncConditional(form); });
  });
})();
