// The copy button under each sample message: the whole message goes on the clipboard and
// a status line beside the button says so, in words a screen reader announces. The
// message comes from the build (data-onward-copy), never from the page's markup.

/** The text of one of the box's rendered messages ("copied", "copy-failed"). */
function message(box, name) {
  const source = box.querySelector(`[data-onward-message="${name}"]`);
  return source ? source.textContent : "";
}

async function copy(box) {
  const status = box.querySelector("[data-onward-copy-status]");
  status.textContent = ""; // a repeated press is announced again
  try {
    await navigator.clipboard.writeText(box.dataset.onwardCopy);
    status.textContent = message(box, "copied");
  } catch {
    status.textContent = message(box, "copy-failed");
  }
}

/** Show and wire every copy button inside `root` (once each). */
export function bindCopyButtons(root) {
  for (const box of root.querySelectorAll("[data-onward-copy]:not([data-onward-bound])")) {
    box.dataset.onwardBound = "";
    if (!navigator.clipboard) continue; // no clipboard here: the message stays to select by hand
    box.hidden = false;
    box.querySelector("button").addEventListener("click", () => copy(box));
  }
}
