// Material's content set-up, as a file for a strict Content-Security-Policy: open the
// content tab a link points at, and (when the site links tabs) the reader's last tabs.
(() => {
  if (document.currentScript.dataset.linkTabs === "true") {
    const chosen = window.__md_get("__tabs");
    if (Array.isArray(chosen)) {
      for (const set of document.querySelectorAll(".tabbed-set")) {
        const labels = [...set.querySelector(".tabbed-labels").getElementsByTagName("label")];
        const match = chosen.map((tab) => labels.find((label) => label.innerText.trim() === tab)).find(Boolean);
        if (match) document.getElementById(match.htmlFor).checked = true;
      }
    }
  }
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
