// The printable report's "Print" button (no inline script: CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print-page]")) {
    window.print();
  }
});
