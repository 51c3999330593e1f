// "Add a row" for Django formsets. Loaded as a file: the CSP forbids inline scripts.
// <button data-add-row="#template" data-rows="#rows" data-prefix="seg"> clones the <template>
// (the formset's empty_form, "__prefix__" in its names, "__num__" in its labels), updates
// PREFIX-TOTAL_FORMS and moves the focus to the new row's first input. Without JavaScript the
// same button submits the form, and the server answers with one more blank row.
(function () {
  "use strict";
  function addRow(button) {
    var prefix = button.getAttribute("data-prefix");
    var form = button.form;
    var total = form.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var max = form.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    var template = document.querySelector(button.getAttribute("data-add-row"));
    var rows = document.querySelector(button.getAttribute("data-rows"));
    if (!total || !template || !rows) return false;
    var index = parseInt(total.value, 10);
    var limit = max ? parseInt(max.value, 10) : Infinity;
    if (index >= limit) return true;
    var html = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__num__/g, String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html.trim();
    var row = holder.firstElementChild;
    rows.appendChild(row);
    total.value = String(index + 1);
    if (index + 1 >= limit) {
      button.disabled = true;
      var note = document.getElementById(button.getAttribute("aria-describedby") || "");
      if (note) note.hidden = false;
    }
    var first = row.querySelector("input, select, textarea");
    if (first) first.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-add-row]");
    if (!button || !button.form) return;
    if (addRow(button)) event.preventDefault();
  });
})();
