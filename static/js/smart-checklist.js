// The SMART checklist beside the goal form: after each live update (htmx swaps
// #smart-checklist), screen readers hear its one-line summary, not the whole list.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "smart-checklist") return;
    var summary = document.getElementById("smart-summary");
    var status = document.getElementById("smart-status");
    if (summary && status) status.textContent = summary.textContent;
  });
})();
