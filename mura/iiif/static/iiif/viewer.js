// Deep zoom: every figure that names a IIIF image service gets a button that opens
// OpenSeadragon in place of the picture (zoom, pan, rotate, full screen).
for (const figure of document.querySelectorAll("[data-iiif-info]")) {
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
