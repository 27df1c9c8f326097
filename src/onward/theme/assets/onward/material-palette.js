// Apply the reader's saved colour scheme before the page is painted (Material's
// palette restore, as a file for a strict Content-Security-Policy).
(() => {
  const saved = window.__md_get("__palette");
  if (!saved || !saved.color) return;
  const color = { ...saved.color };
  if (color.media === "(prefers-color-scheme)") {
    // "Follow the system": take the settings of the light or dark option that matches now.
    const light = window.matchMedia("(prefers-color-scheme: light)").matches;
    const option = document.querySelector(
      `[data-md-color-media='(prefers-color-scheme: ${light ? "light" : "dark"})']`,
    );
    if (option) {
      for (const part of ["media", "scheme", "primary", "accent"]) {
        color[part] = option.getAttribute(`data-md-color-${part}`);
      }
    }
  }
  for (const [part, value] of Object.entries(color)) {
    document.body.setAttribute(`data-md-color-${part}`, value);
  }
})();
