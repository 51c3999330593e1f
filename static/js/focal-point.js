// Focal point of an image: show it on the picture and, for editors, set it by clicking.
// Loaded as a file (the CSP forbids inline scripts); the number inputs work without it.
(function () {
  "use strict";

  function clamp(value) {
    return Math.min(100, Math.max(0, value));
  }

  function setup(frame) {
    var marker = frame.querySelector("[data-focal-marker]");
    var image = frame.querySelector("img");
    var form = document.getElementById("focal-form");
    var inputs = form ? {
      x: form.querySelector("[data-focal-input='x']"),
      y: form.querySelector("[data-focal-input='y']")
    } : null;
    if (!marker || !image) return;

    // Positions are set through the CSSOM, which the CSP allows (style attributes are not).
    function place(x, y) {
      if (isNaN(x) || isNaN(y)) return;
      marker.style.left = clamp(x) + "%";
      marker.style.top = clamp(y) + "%";
      marker.hidden = false;
    }

    if (inputs && inputs.x && inputs.y) {
      place(parseFloat(inputs.x.value), parseFloat(inputs.y.value));
      var follow = function () { place(parseFloat(inputs.x.value), parseFloat(inputs.y.value)); };
      inputs.x.addEventListener("input", follow);
      inputs.y.addEventListener("input", follow);
    } else {
      place(parseFloat(frame.dataset.focalX), parseFloat(frame.dataset.focalY));
    }

    if (!frame.hasAttribute("data-focal-editable") || !inputs) return;
    frame.classList.add("is-editable");
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      if (!box.width || !box.height) return;
      var x = clamp(Math.round(((event.clientX - box.left) / box.width) * 1000) / 10);
      var y = clamp(Math.round(((event.clientY - box.top) / box.height) * 1000) / 10);
      inputs.x.value = x.toFixed(1);
      inputs.y.value = y.toFixed(1);
      place(x, y);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-frame]").forEach(setup);
  });
})();
