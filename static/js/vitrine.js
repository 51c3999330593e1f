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
})();
