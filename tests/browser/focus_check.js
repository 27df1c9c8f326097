// Checks the element that has keyboard focus, in the page, in one call per Tab stop.
// Loaded by tests/browser/keyboard_walk.py as an init script; it defines window.__onwardFocusCheck.
//
// A focused element must be inside the viewport, show a focus indicator (an outline on itself,
// or on the label drawn for a control that is visually hidden, like Material's palette toggle),
// be a target of 24 by 24 px at least (links in running text aside), and be covered by nothing else (the sticky header, "Back to top", a drawer...): several points
// of each of its boxes are asked `elementFromPoint`, and only the element itself, its own
// descendants or its ancestors may answer.
(() => {
  // Long enough for a machine whose cores are all busy: the walk plays transitions a hundred
  // times faster, so a stop waits this long only for something that never stops moving.
  const TIMEOUT_MS = 5000;
  const TEXT_LINES_PX = 48; // a text box's border, padding and first line
  let lastScroll = null;

  function describe(element) {
    if (!element || element === document.body) return "body";
    const id = element.id ? `#${element.id}` : "";
    const classes = [...element.classList].filter((c) => c !== "focus-visible").slice(0, 2);
    const name = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("title") || "")
      .replace(/\s+/g, " ").trim().slice(0, 40);
    return `${element.tagName.toLowerCase()}${id}${classes.map((c) => `.${c}`).join("")}${name ? ` "${name}"` : ""}`;
  }

  // Where the element sits in the document: stable across a walk, so two walks can be compared.
  function path(element) {
    const steps = [];
    for (let node = element; node && node.parentElement; node = node.parentElement) {
      steps.push([...node.parentElement.children].indexOf(node));
    }
    return steps.reverse().join(".");
  }

  // The box that shows focus: the element, or the label drawn for a control that is not drawn
  // itself (Material's palette toggle outlines the label that follows its hidden radio button).
  function shownBy(element) {
    const box = element.getBoundingClientRect();
    if (box.width >= 1 && box.height >= 1 && getComputedStyle(element).opacity !== "0") return element;
    const next = element.nextElementSibling;
    const labels = [
      ...(next && next.tagName === "LABEL" ? [next] : []),
      ...(element.id ? document.querySelectorAll(`label[for="${CSS.escape(element.id)}"]`) : []),
    ];
    return labels.find((label) => label.getClientRects().length > 0) || element;
  }

  function hasIndicator(element) {
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth) || 0;
    const transparent = /rgba\(.*,\s*0\)$/.test(style.outlineColor) || style.outlineColor === "transparent";
    return style.outlineStyle !== "none" && width > 0 && !transparent;
  }

  // Transitions that move or hide things. Colours and opacity change nothing asked here: a
  // control fading in or out answers elementFromPoint all along. Keyframe animations count too.
  const MOVES = /^(transform|translate|scale|top|right|bottom|left|inset|width|height|max-height|max-width|margin.*|padding.*|visibility)$/;
  const moving = (animation) => animation.playState === "running"
    && (animation.transitionProperty === undefined || MOVES.test(animation.transitionProperty));

  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

  // Material answers a scroll on the frames after it: the scroll event arrives with the next
  // frame, and what it redraws from it (showing or hiding "Back to top", shortening a sticky
  // sidebar as the footer comes into view) waits for the animation frame after that. A stop
  // that scrolled the page is checked once both have passed.
  const scrolled = () => lastScroll !== null && scrollY !== lastScroll;

  // True once the page is still, false if it was still moving when the wait ran out.
  async function settled() {
    // Material answers a focus change a millisecond later (it opens search when its field is
    // focused); transitions that move things (search opening, the skip link sliding in) are
    // waited for to their end (the walk plays them fast).
    await tick();
    const running = () => document.getAnimations().filter(moving);
    const moved = scrolled();
    if (!moved && running().length === 0) return true;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const animations = () => {
      const now = running();
      return now.length ? Promise.all(now.map((a) => a.finished.catch(() => null))).then(frame) : null;
    };
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS));
    const redrawn = moved ? frame().then(frame) : frame();
    return Promise.race([redrawn.then(animations).then(() => true), timeout]);
  }

  function coveredBy(element, target) {
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    for (const rect of target.getClientRects()) {
      const left = Math.max(rect.left, 0), right = Math.min(rect.right, width);
      const top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, height);
      if (right - left < 1 || bottom - top < 1) continue;
      const xs = [left + 1, (left + right) / 2, right - 1];
      const ys = [top + 1, (top + bottom) / 2, bottom - 1];
      for (const x of xs) {
        for (const y of ys) {
          const hit = document.elementFromPoint(x, y);
          if (!hit || hit === target || target.contains(hit) || hit.contains(target)) continue;
          if (target !== element && (hit === element || element.contains(hit))) continue;
          return `${describe(hit.closest("[class]") || hit)} at ${Math.round(x)},${Math.round(y)} (box ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}x${Math.round(rect.height)})`;
        }
      }
    }
    return null;
  }

  const TARGETS = "a[href], button, input, select, textarea, summary, label[for], [tabindex]";

  function spacedOut(target, box) {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    return [...document.querySelectorAll(TARGETS)].every((other) => {
      if (other === target || other.contains(target) || target.contains(other)) return true;
      const near = [...other.getClientRects()].some((rect) => {
        const dx = Math.max(rect.left - x, 0, x - rect.right);
        const dy = Math.max(rect.top - y, 0, y - rect.bottom);
        return rect.width >= 1 && rect.height >= 1 && Math.hypot(dx, dy) < 12;
      });
      return !near || getComputedStyle(other).visibility !== "visible"; // a folded section's links are no targets
    });
  }

  window.__onwardFocusCheck = async () => {
    const still = await settled();
    lastScroll = scrollY;
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
      return { key: "body", name: "body", problems: [], field: false, content: false };
    }
    const target = shownBy(element);
    const box = target.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const problems = [];
    // Wholly in view, or from its top edge if taller than the viewport. A text box may run on
    // below: browsers bring its caret into view, not all of it, so its first lines (where the
    // caret starts) must be in view.
    const typed = element.matches("textarea, input:not([type]), input[type=text], input[type=email]");
    const shown = Math.min(box.height, typed ? TEXT_LINES_PX : height);
    const inside = box.left >= -0.5 && box.right <= width + 0.5 && box.top >= -0.5
      && box.top + shown <= height + 0.5;
    const size = `${Math.round(box.width)}x${Math.round(box.height)} px`;
    if (box.width < 1 || box.height < 1) problems.push({ rule: "not-drawn", text: `is not drawn (${size})` });
    else if (!inside) {
      problems.push({ rule: "off-screen",
        text: `is outside the viewport (${size} at ${Math.round(box.left)},${Math.round(box.top)} in ${width}x${height})` });
    }
    if (!hasIndicator(target)) problems.push({ rule: "no-outline", text: "shows no focus outline" });
    const cover = box.width >= 1 && box.height >= 1 ? coveredBy(element, target) : null;
    if (cover) problems.push({ rule: "covered", text: `is covered by ${cover}` });
    // WCAG 2.5.8: at least 24 by 24 px, unless it is a link inside a line of text or spaced
    // out enough that a 24 px circle on its centre touches no other target.
    const inline = getComputedStyle(target).display === "inline";
    const small = box.width < 23.5 || box.height < 23.5;
    if (!inline && box.width >= 1 && small && !spacedOut(target, box)) {
      problems.push({ rule: "small-target", text: `is a target of ${size}, under 24x24` });
    }
    const field = element.matches("input, textarea, select") && !!element.closest(".onward-worksheet__fields");
    const content = !!element.closest(".md-content");  // what "Skip to content" leads to
    if (!still) {  // a finding then may be a moment of the movement, not where things come to rest
      for (const problem of problems) problem.text += ` (checked while the page still moved, after ${TIMEOUT_MS} ms)`;
    }
    return { key: path(element), name: describe(element), problems, field, content };
  };
})();
