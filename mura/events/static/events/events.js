// Printable programme: a "Print" button (the page prints fine from the browser menu too).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
