// The help box's country choice. The reader picks a country; its services show and the
// others fold away. The choice is kept in this browser under the site's namespace (in
// the tab only, in shared computer mode), is read again on every page, and is never sent.

import { prefix, store } from "./store.js";

function key() {
  return `${prefix()}help-country`;
}

function stored() {
  try {
    return store()?.getItem(key()) || "";
  } catch {
    return "";
  }
}

function keep(country) {
  try {
    if (country) store()?.setItem(key(), country);
    else store()?.removeItem(key());
  } catch {
    // Storage refused: the choice still applies to this page.
  }
}

function show(box, country) {
  for (const set of box.querySelectorAll("[data-onward-help-set]")) {
    const chosen = set.dataset.onwardHelpSet === country;
    set.hidden = !chosen;
    set.open = chosen;
  }
}

/** Bind the country menu in `root`'s help box, showing the country kept from before. */
export function bindHelpCountry(root) {
  const box = root.querySelector("[data-onward-help-countries]:not([data-onward-bound])");
  if (!box) return;
  box.dataset.onwardBound = "";
  const select = box.querySelector("[data-onward-help-select]");
  const known = [...select.options].map((option) => option.value);
  const country = known.includes(stored()) ? stored() : "";
  select.value = country;
  box.querySelector("[data-onward-help-choose]").hidden = false;
  show(box, country);
  select.addEventListener("change", () => {
    keep(select.value);
    show(box, select.value);
  });
}
