/* The statistics dashboard's charts (templates/analytics/dashboard.html).
 *
 * The data comes from the page's json_script "dashboard-charts" ({code: {type, format, labels,
 * datasets: [{label, data}]}}), the same tables as the data tables and the CSV downloads
 * (analytics/charts.py). Series are told apart without colour: each has its own point style
 * and line dash (bars their own border dash), on top of the Okabe–Ito palette, which stays
 * distinct for the common colour-vision deficiencies. No inline script (CSP).
 */
(function () {
  "use strict";

  // Okabe & Ito (2008), darkest first so the first series contrast best with the white card.
  var PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
  var POINTS = ["circle", "triangle", "rect", "rectRot", "star", "crossRot", "cross"];
  var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 6], [16, 6]];

  function lang() {
    return document.documentElement.lang || "en";
  }

  function formatNumber(value) {
    if (value === null || value === undefined) return "—";
    return new Intl.NumberFormat(lang()).format(value);
  }

  function formatDuration(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    var s = Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    var rest = String(s % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + rest : m + ":" + rest;
  }

  function datasetStyle(dataset, index, type) {
    var colour = PALETTE[index % PALETTE.length];
    var style = {
      label: dataset.label,
      data: dataset.data,
      borderColor: colour,
      backgroundColor: colour,
      pointStyle: POINTS[index % POINTS.length],
      pointRadius: 4,
      pointHoverRadius: 6,
      borderWidth: 2,
    };
    if (type === "line") {
      style.borderDash = DASHES[index % DASHES.length];
      style.spanGaps = false;
    } else {
      // Bars: the second series is hatched-looking (outlined, lighter fill) besides its colour.
      style.backgroundColor = index ? colour + "55" : colour;
      style.borderDash = DASHES[index % DASHES.length];
    }
    return style;
  }

  function build(canvas, spec) {
    var format = spec.format === "duration" ? formatDuration : formatNumber;
    var valueAxis = spec.indexAxis === "y" ? "x" : "y";
    var scales = {};
    scales[valueAxis] = { beginAtZero: true, ticks: { callback: function (v) { return format(v); } } };
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) { return datasetStyle(d, i, spec.type); }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : undefined,
        indexAxis: spec.indexAxis || "x",
        interaction: { mode: "nearest", intersect: false },
        scales: scales,
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: function (context) {
                var raw = valueAxis === "x" ? context.parsed.x : context.parsed.y;
                return context.dataset.label + ": " + format(raw);
              },
            },
          },
        },
      },
    });
  }

  function initCharts() {
    var source = document.getElementById("dashboard-charts");
    if (!source || !window.Chart) return;
    var specs = JSON.parse(source.textContent);
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = specs[canvas.dataset.chart];
      if (spec) build(canvas, spec);
    });
  }

  // Typing a month in "From" or "To" means a custom period.
  function initFilters() {
    var period = document.getElementById("id_period");
    if (!period) return;
    ["id_from", "id_to"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.addEventListener("change", function () { period.value = "custom"; });
    });
  }

  function init() {
    initCharts();
    initFilters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
