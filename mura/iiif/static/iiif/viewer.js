// Deep zoom: every figure that names a IIIF image service gets a button that opens
// OpenSeadragon in place of the picture (zoom, pan, rotate, full screen).
for (const figure of document.querySelectorAll("[data-iiif-info][data-zoom-label]")) {
  const picture = figure.querySelector("a");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "iiif__zoom";
  button.textContent = figure.dataset.zoomLabel;
  button.setAttribute("aria-expanded", "false");
  figure.querySelector("figcaption").prepend(button);
  let viewer = null;
  button.addEventListener("click", () => {
    const opening = viewer === null || viewer.element.hidden;
    if (viewer === null) {
      const element = document.createElement("div");
      element.className = "iiif__viewer";
      element.setAttribute("role", "application");
      element.setAttribute("aria-label", figure.dataset.viewerLabel);
      figure.insertBefore(element, picture);
      viewer = OpenSeadragon({
        element,
        prefixUrl: figure.dataset.iconsUrl,
        tileSources: figure.dataset.iiifInfo,
        showNavigator: true,
        showRotationControl: true,
        crossOriginPolicy: "Anonymous",
        gestureSettingsTouch: { pinchRotate: true },
      });
    }
    viewer.element.hidden = !opening;
    picture.hidden = opening;
    button.setAttribute("aria-expanded", String(opening));
    button.textContent = opening ? figure.dataset.closeLabel : figure.dataset.zoomLabel;
  });
}

// Next canvas: a record with several images opens them all in one viewer, one after
// another, in the order of its IIIF manifest's canvases, with previous/next buttons and
// a counter ("2 / 5") that a screen reader announces.
for (const sequence of document.querySelectorAll("[data-iiif-manifest]")) {
  const open = document.createElement("button");
  open.type = "button";
  open.className = "iiif__zoom";
  open.textContent = sequence.dataset.openLabel;
  open.setAttribute("aria-expanded", "false");
  sequence.append(open);
  let viewer = null;
  let panel = null;
  const build = (sources) => {
    panel = document.createElement("div");
    panel.className = "iiif__sequence";
    const bar = document.createElement("div");
    bar.className = "iiif__bar";
    const button = (label, className) => {
      const element = document.createElement("button");
      element.type = "button";
      element.className = `iiif__zoom ${className}`;
      element.textContent = label;
      bar.append(element);
      return element;
    };
    const previous = button(sequence.dataset.previousLabel, "iiif__previous");
    const counter = document.createElement("span");
    counter.className = "iiif__counter";
    counter.setAttribute("aria-live", "polite");
    bar.append(counter);
    const next = button(sequence.dataset.nextLabel, "iiif__next");
    const element = document.createElement("div");
    element.className = "iiif__viewer";
    element.setAttribute("role", "application");
    element.setAttribute("aria-label", sequence.dataset.viewerLabel);
    panel.append(bar, element);
    sequence.append(panel);
    viewer = OpenSeadragon({
      element,
      prefixUrl: sequence.dataset.iconsUrl,
      tileSources: sources,
      sequenceMode: true,
      showSequenceControl: false,
      showNavigator: true,
      crossOriginPolicy: "Anonymous",
    });
    const show = (page) => {
      counter.textContent = `${page + 1} / ${sources.length}`;
      previous.disabled = page === 0;
      next.disabled = page === sources.length - 1;
    };
    previous.addEventListener("click", () => viewer.goToPage(viewer.currentPage() - 1));
    next.addEventListener("click", () => viewer.goToPage(viewer.currentPage() + 1));
    viewer.addHandler("page", (event) => show(event.page));
    show(0);
  };
  open.addEventListener("click", async () => {
    if (panel === null) {
      const manifest = await (await fetch(sequence.dataset.iiifManifest)).json();
      build(
        manifest.items.map(
          (canvas) => `${canvas.items[0].items[0].body.service[0].id}/info.json`,
        ),
      );
    } else {
      panel.hidden = !panel.hidden;
    }
    open.setAttribute("aria-expanded", String(!panel.hidden));
    open.textContent = panel.hidden ? sequence.dataset.openLabel : sequence.dataset.closeLabel;
  });
}

// Compare: two pictures side by side, each in its own viewer; while "together" is on,
// zooming or moving one moves the other to the same place.
for (const compare of document.querySelectorAll("[data-iiif-compare]")) {
  const figures = [...compare.querySelectorAll("[data-iiif-info]")];
  if (figures.length !== 2) {
    continue;
  }
  const viewers = figures.map((figure) => {
    const element = document.createElement("div");
    element.className = "iiif__viewer iiif__viewer--compare";
    element.setAttribute("role", "application");
    element.setAttribute("aria-label", compare.dataset.viewerLabel);
    const picture = figure.querySelector("a");
    figure.insertBefore(element, picture);
    picture.hidden = true;
    return OpenSeadragon({
      element,
      prefixUrl: compare.dataset.iconsUrl,
      tileSources: figure.dataset.iiifInfo,
      showNavigator: false,
      crossOriginPolicy: "Anonymous",
    });
  });
  const label = document.createElement("label");
  label.className = "compare__together";
  const together = document.createElement("input");
  together.type = "checkbox";
  together.checked = true;
  label.append(together, ` ${compare.dataset.togetherLabel}`);
  compare.prepend(label);
  let following = false;
  viewers.forEach((leader, index) => {
    const follower = viewers[1 - index];
    const follow = () => {
      if (!together.checked || following) {
        return;
      }
      following = true;
      follower.viewport.zoomTo(leader.viewport.getZoom());
      follower.viewport.panTo(leader.viewport.getCenter());
      following = false;
    };
    leader.addHandler("zoom", follow);
    leader.addHandler("pan", follow);
  });
}
