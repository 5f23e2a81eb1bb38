// Small behaviours on top of pages that already work without JavaScript.
// Elements opt in with data-* attributes; nothing here is required to read or submit.

for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}

// Browsers without ::details-content cannot show a closed menu on wide screens: open it there.
const menu = document.querySelector("[data-main-menu]");
if (menu && !CSS.supports("selector(::details-content)")) {
  const wide = window.matchMedia("(min-width: 48.01rem)");
  const follow = () => { menu.open = wide.matches; };
  follow();
  wide.addEventListener("change", follow);
}
