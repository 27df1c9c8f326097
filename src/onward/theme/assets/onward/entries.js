// The repeatable entries of a group on the page: made from the group's template, numbered,
// and put in order without ever taking out the entry that holds the reader's focus.

const TOKENS_IN = ["id", "for", "name", "aria-describedby", "aria-labelledby"];

export function entryNodes(group) {
  return [...group.querySelector("[data-onward-entries]").children];
}

export function revealControls(root) {
  const selector =
    "[data-onward-tools], [data-onward-add], [data-onward-entry-actions], [data-onward-clear-choice]";
  for (const control of root.querySelectorAll(selector)) control.hidden = false;
}

// A copy of the entry template numbered for `index`: ids get the index, visible text the number.
function numbered(group, index) {
  const fragment = group.querySelector("template[data-onward-entry-template]").content.cloneNode(true);
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      node.data = node.data.replaceAll("__n__", String(index + 1));
    } else {
      for (const name of TOKENS_IN) {
        const value = node.getAttribute(name);
        if (value) node.setAttribute(name, value.replaceAll("__i__", String(index)));
      }
    }
  }
  return fragment.querySelector("[data-onward-entry]");
}

/** A new, empty entry for position `index`, known by `id`. */
export function newEntry(group, index, id) {
  const entry = numbered(group, index);
  entry.dataset.onwardEntryId = id;
  entry.dataset.onwardEntryIndex = String(index);
  revealControls(entry);
  return entry;
}

// Give an entry the ids and number of another position, in place: the template's own text
// and attributes are copied from a fresh copy, node for node; what was typed is untouched.
function renumber(group, entry, index) {
  if (entry.dataset.onwardEntryIndex === String(index)) return;
  const fresh = numbered(group, index);
  const walk = (root) => {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  };
  const [now, wanted] = [walk(entry), walk(fresh)];
  if (now.length !== wanted.length) return;
  now.forEach((node, at) => {
    const model = wanted[at];
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement?.closest("textarea") === null && node.data !== model.data) node.data = model.data;
    } else {
      for (const name of TOKENS_IN) {
        const value = model.getAttribute(name);
        if (value !== null && node.getAttribute(name) !== value) node.setAttribute(name, value);
      }
    }
  });
  entry.dataset.onwardEntryIndex = String(index);
}

/**
 * Put `wanted` (entry nodes) into the group in that order, as the only entries. The entry
 * holding focus (if any) is never taken out of the page: the others move around it.
 */
export function arrange(group, wanted, focused) {
  const list = group.querySelector("[data-onward-entries]");
  for (const node of entryNodes(group)) if (!wanted.includes(node)) node.remove();
  const current = entryNodes(group);
  const inOrder = current.length === wanted.length && current.every((node, index) => node === wanted[index]);
  if (!inOrder && focused && wanted.includes(focused)) {
    const at = wanted.indexOf(focused);
    for (const node of wanted.slice(0, at)) list.insertBefore(node, focused);
    let previous = focused;
    for (const node of wanted.slice(at + 1)) {
      previous.after(node);
      previous = node;
    }
  } else if (!inOrder) {
    list.append(...wanted);
  }
  const max = Number(group.dataset.onwardMaxItems || Infinity);
  group.querySelector("[data-onward-add]").disabled = wanted.length >= max;
  wanted.forEach((entry, index) => {
    renumber(group, entry, index);
    entry.querySelector('[data-onward-move="-1"]').disabled = index === 0;
    entry.querySelector('[data-onward-move="1"]').disabled = index === wanted.length - 1;
  });
}
