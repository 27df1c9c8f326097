// "Your answers": list what this browser holds for this site, and delete it all on request.
// Keys are this site's only: Onward's under its namespace, Material's under the site's path.

const root = new URL("../../", import.meta.url);

function namespace() {
  const meta = document.querySelector('meta[name="onward-storage"]');
  return (meta && meta.content) || "onward";
}

function stores() {
  const found = [];
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      found.push(window[name]);
    } catch {
      // Blocked: nothing can be stored there, so nothing to list.
    }
  }
  return found;
}

// Every key this site stored, with what it is: [{store, key, kind, worksheet}].
function held() {
  const onward = `onward:${namespace()}:`;
  const material = `${root.pathname}.`;
  const items = [];
  for (const store of stores()) {
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      if (key.startsWith(onward)) {
        const [kind, worksheet] = key.slice(onward.length).split(":");
        items.push({ store, key, kind: kind === "worksheet" ? "answers" : "kept-aside", worksheet });
      } else if (key.startsWith(material)) {
        items.push({ store, key, kind: key.endsWith(".__palette") ? "theme" : "other" });
      }
    }
  }
  return items;
}

function message(box, name) {
  return box.querySelector(`[data-onward-message="${name}"]`);
}

function text(box, name) {
  return message(box, name).textContent;
}

// The message's words (in the site's language) around `node`, which takes the slot's place.
function withSlot(box, name, node) {
  const copy = message(box, name).cloneNode(true);
  const slot = copy.querySelector("[data-onward-slot]");
  if (slot.lang) node.lang = slot.lang;
  slot.replaceWith(node);
  return [...copy.childNodes];
}

function render(box) {
  const worksheets = new Map(
    JSON.parse(box.querySelector("[data-onward-worksheet-list]").textContent).map((w) => [w.id, w]),
  );
  const items = held();
  const list = box.querySelector("[data-onward-held-list]");
  const rows = items.map((item) => {
    const li = document.createElement("li");
    const sheet = worksheets.get(item.worksheet);
    if (item.kind === "answers" || item.kind === "kept-aside") {
      const name = sheet ? document.createElement("a") : document.createElement("span");
      name.textContent = sheet ? sheet.title : item.worksheet;
      if (sheet) name.href = sheet.href;
      li.append(...withSlot(box, item.kind, name));
    } else {
      li.textContent = text(box, item.kind);
    }
    return li;
  });
  list.replaceChildren(...rows);
  const status = box.querySelector("[data-onward-held-status]");
  if (!stores().length) status.textContent = text(box, "blocked");
  else status.textContent = text(box, items.length ? "some" : "nothing");
  box.querySelector("[data-onward-held-tools]").hidden = items.length === 0;
  return items;
}

function deleteAll(box) {
  for (const item of held()) {
    try {
      item.store.removeItem(item.key);
    } catch {
      // Already gone.
    }
  }
  box.querySelector("[data-onward-delete-confirm]").hidden = true;
  render(box);
  const status = box.querySelector("[data-onward-held-status]");
  status.textContent = text(box, "deleted");
  status.tabIndex = -1;
  status.focus();
}

export function bind(page) {
  const box = page.querySelector("[data-onward-my-answers]");
  if (!box || box.dataset.onwardBound) return;
  box.dataset.onwardBound = "true";
  render(box);
  box.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const confirm = box.querySelector("[data-onward-delete-confirm]");
    if (button.matches("[data-onward-delete-all]")) {
      confirm.hidden = false;
      confirm.querySelector(".onward-confirm__question").focus();
    } else if (button.matches("[data-onward-delete-no]")) {
      confirm.hidden = true;
      box.querySelector("[data-onward-delete-all]").focus();
    } else if (button.matches("[data-onward-delete-yes]")) {
      deleteAll(box);
    }
  });
  window.addEventListener("storage", () => box.isConnected && render(box));
}

bind(document);
