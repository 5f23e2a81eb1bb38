// Small behaviours on top of pages that already work without JavaScript.
// Elements opt in with data-* attributes; nothing here is required to read or submit.

for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
