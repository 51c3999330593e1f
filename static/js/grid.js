// The monthly entry grid (templates/analytics/monthly_grid.html). Loaded as a file (CSP).
//
// Each row's cells belong to the row's <form id="row-<pk>"> (form attribute); htmx posts the
// row when a cell changes or the row is submitted, and swaps the row with the server's answer.
// Here: Enter in a cell saves the row and moves to the same column of the next row; typing
// done in the row while its save was on its way is put back after the swap and sent again;
// the focus stays where the person is.
(function () {
  "use strict";

  function grid() { return document.getElementById("stats-grid"); }
  function rowOf(el) { return el && el.closest ? el.closest("tr[data-grid-row]") : null; }
  function cells(row) { return Array.prototype.slice.call(row.querySelectorAll("input.grid-cell")); }
  function formOf(row) { return row.querySelector("form[id^='row-']"); }

  function nextRowCell(input) {
    var row = rowOf(input);
    var col = input.getAttribute("data-col");
    for (var next = row.nextElementSibling; next; next = next.nextElementSibling) {
      if (!next.matches("tr[data-grid-row]")) continue;
      var target = next.querySelector('input.grid-cell[data-col="' + col + '"]');
      if (target) return target;
    }
    return null;
  }

  // A cell typed in since its last save is "unsaved" until its change is sent.
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("#stats-grid input.grid-cell")) {
      event.target.setAttribute("data-unsaved", "");
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("#stats-grid input.grid-cell")) {
      event.target.removeAttribute("data-unsaved");
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== "Enter" || event.isComposing || event.shiftKey || event.altKey ||
        event.ctrlKey || event.metaKey) return;
    if (!input.matches || !input.matches("#stats-grid input.grid-cell")) return;
    event.preventDefault();
    var row = rowOf(input);
    // Enter means "done with this row": what a save on its way leaves unsent goes at once.
    row.setAttribute("data-save-asked", "");
    var pending = input.hasAttribute("data-unsaved");
    var target = nextRowCell(input);
    if (target) {
      // Leaving a changed cell fires its change: htmx posts the row.
      target.focus();
      target.select();
    } else if (pending) {
      input.blur();
      input.focus();
    }
    if (!pending) {
      var form = formOf(row);
      if (form && form.requestSubmit) form.requestSubmit();
    }
  });

  // What was typed in a row while its save was on its way (not in the request) survives the swap.
  var sent = new WeakMap();
  var carried = {};
  document.addEventListener("htmx:configRequest", function (event) {
    var row = rowOf(event.detail.elt);
    if (!row || !grid() || !grid().contains(row)) return;
    var values = {};
    cells(row).forEach(function (input) { values[input.name] = input.value; });
    sent.set(row, values);
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var row = event.detail.target;
    if (!row || !row.matches || !row.matches("tr[data-grid-row]")) return;
    var values = sent.get(row) || {};
    var typed = {};
    cells(row).forEach(function (input) {
      if (input.value !== values[input.name]) typed[input.name] = input.value;
    });
    var active = document.activeElement;
    carried[row.id] = {
      typed: typed,
      focused: row.contains(active) ? active.id : null,
      asked: row.hasAttribute("data-save-asked"),
    };
  });
  function afterSettle(event) {
    var target = event.detail.target;
    if (!target || !target.id || !carried[target.id]) return;
    var state = carried[target.id];
    delete carried[target.id];
    var row = document.getElementById(target.id);
    if (!row) return;
    // The grid handles its own focus (a11y.js would send it to the first invalid cell of the
    // page, even a row the person left long ago).
    event.stopPropagation();
    var unsent = [];
    Object.keys(state.typed).forEach(function (name) {
      var input = row.querySelector('input.grid-cell[name="' + name + '"]');
      if (input) {
        input.value = state.typed[name];
        unsent.push(input);
      }
    });
    if (state.focused) {
      // htmx gives the focus back to the cell with the same id; an error in the row takes it
      // when the person is still on that cell (not when they have moved on).
      var active = document.activeElement;
      var lost = !active || active === document.body || !active.isConnected;
      var focused = document.getElementById(state.focused);
      var invalid = row.querySelector("[aria-invalid=true], .grid-confirm");
      var typing = unsent.indexOf(focused) >= 0;
      if (invalid && !typing && (lost || active === focused)) invalid.focus();
      else if (lost && focused) focused.focus();
    }
    // What was typed while the save was on its way is sent again (the row, whole) — but not
    // while the person is still typing in one of its cells: the row would carry a half-typed
    // figure ("20" of "2021"). Then it goes when that cell is left, as any change does.
    if (!unsent.length) return;
    unsent.forEach(function (input) { input.setAttribute("data-unsaved", ""); });
    var current = document.activeElement;
    if (unsent.indexOf(current) >= 0 && !state.asked) {
      current.addEventListener("blur", function () {
        // The cell's own change (if the browser fires one) has already sent the row.
        if (current.hasAttribute("data-unsaved")) {
          current.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }, { once: true });
    } else if (state.asked || !row.contains(current)) {
      unsent[0].dispatchEvent(new Event("change", { bubbles: true }));
    } else {
      // Typing in another cell of the row: that cell's change sends everything when it is left.
      current.setAttribute("data-unsaved", "");
      current.addEventListener("blur", function () {
        if (current.hasAttribute("data-unsaved")) {
          current.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }, { once: true });
    }
  }
  // On the table, below the document: the row's event stops here.
  var table = grid();
  if (table) table.addEventListener("htmx:afterSettle", afterSettle);
})();
