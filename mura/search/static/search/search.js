// Suggestions as you type, and facets that apply themselves. The page works without this.
const MIN_LETTERS = 2;
const DELAY_MS = 150;

function setupSuggestions(box) {
  const input = box.querySelector("input[name=q]");
  const list = box.querySelector("[role=listbox]");
  const url = box.dataset.suggestUrl;
  let timer = null;
  let controller = null;
  let active = -1;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };

  const render = (items) => {
    list.replaceChildren(
      ...items.map((item, index) => {
        const li = document.createElement("li");
        li.className = "search-suggestions__item";
        li.setAttribute("role", "option");
        li.id = `search-suggestion-${index}`;
        const link = document.createElement("a");
        link.href = item.url;
        const title = document.createElement("span");
        title.textContent = item.title;
        const kind = document.createElement("small");
        kind.textContent = item.kind_label;
        link.append(title, kind);
        li.append(link);
        return li;
      }),
    );
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
  };

  const fetchSuggestions = async () => {
    const text = input.value.trim();
    if (text.replace(/\s/g, "").length < MIN_LETTERS) {
      close();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (response.ok) render((await response.json()).suggestions);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  const move = (step) => {
    const items = [...list.children];
    if (!items.length) return;
    items[active]?.setAttribute("aria-selected", "false");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault(); // a search input would also clear itself
      close();
    }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(list.children[active].querySelector("a").href);
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 200));
}

document.querySelectorAll("[data-suggest]").forEach(setupSuggestions);

document.querySelectorAll("[data-facet-form] input[type=checkbox], [data-autosubmit]").forEach((control) => {
  control.addEventListener("change", () => control.form.submit());
});

// A browser without ::details-content would hide the filters beside the results.
const WIDE = window.matchMedia("(min-width: 48.01rem)");
document.querySelectorAll("[data-facets]").forEach((details) => {
  if (WIDE.matches) details.open = true;
});
