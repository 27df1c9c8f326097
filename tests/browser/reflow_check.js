// Reflow (WCAG 1.4.10) and text spacing (1.4.12) on the page as it is now: called by
// tests/browser/test_reflow.py with every worksheet open and the 1.4.12 spacing applied.
// Returns [{rule, text}]: the page scrolls sideways (and which elements stick out), or some
// text is cut off by a box too small for it.
() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const describe = (element) => {
    const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join("");
    const id = element.id ? `#${element.id}` : "";
    const part = element.parentElement && element.parentElement.closest("[data-md-component]");
    const where = part ? ` in ${part.dataset.mdComponent}` : "";
    return `${element.tagName.toLowerCase()}${id}${classes}${where}`;
  };
  const drawn = (element) => {
    const style = getComputedStyle(element);
    return style.visibility !== "hidden" && style.display !== "none" && element.getClientRects().length > 0;
  };
  // Inside something that scrolls or clips sideways, sticking out is that box's business.
  const contained = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible") return true;
    }
    return false;
  };
  const all = [...document.body.querySelectorAll("*")].filter(drawn);
  if (document.documentElement.scrollWidth > width + 1) {
    const out = all.filter((e) => e.getBoundingClientRect().right > width + 1 && !contained(e));
    const outermost = out.filter((e) => !out.includes(e.parentElement));
    const list = outermost.slice(0, 6).map((e) => `${describe(e)} (${Math.round(e.getBoundingClientRect().right)} px)`);
    found.push({ rule: "scrolls-sideways",
      text: `${document.documentElement.scrollWidth} px wide in ${width}: ${list.join(", ") || "no single element"}` });
  }
  for (const element of all) {
    const style = getComputedStyle(element);
    const clips = /hidden|clip/.test(style.overflowX) || /hidden|clip/.test(style.overflowY);
    if (!clips || !element.textContent.trim() || element.closest(".onward-visually-hidden")) continue;
    if (element.clientWidth === 0 || element.clientHeight === 0) continue; // folded away, not cut off
    if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
      found.push({ rule: "cuts-off-text",
        text: `${describe(element)} "${element.textContent.replace(/\s+/g, " ").trim().slice(0, 60)}" ` +
          `(${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight})` });
    }
  }
  return found;
}
