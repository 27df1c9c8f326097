// "Your answers": keep a copy (backup, Markdown), the adviser summary, restore, shared
// computer mode, and what this browser holds for this site (and deleting all of it).
// Everything the person wrote is shown with textContent: data, never markup.

import { answerSheets, definitions, message } from "./answer-sheets.js";
import { heldRecords, downloadBackup } from "./backup-file.js";
import { toMarkdown } from "./answers-text.js";
import { download, today } from "./download.js";
import { bindRestore } from "./restore.js";
import { isSetting, parseRecord } from "./record.js";
import { onChange, prefix, setSharedMode, sharedMode, stores } from "./store.js";
import { bindSummary } from "./summary.js";

// Material keeps the theme choice under the site's path: "<path>.__palette".
const materialPrefix = `${new URL("../../", import.meta.url).pathname}.`;

// ---- What is held ------------------------------------------------------------

// Every key this site stored, with what it is: [{store, key, kind, worksheet}].
function held() {
  const onward = prefix();
  const items = [];
  for (const store of stores()) {
    for (let index = 0; index < store.length; index++) {
      const key = store.key(index);
      if (key.startsWith(onward)) {
        const rest = key.slice(onward.length);
        if (rest === "shared-computer") continue; // the mode switch, not something written
        if (isSetting(rest)) {
          items.push({ store, key, kind: rest === "help-country" ? "help-country" : "other" });
          continue;
        }
        const [kind, worksheet] = rest.split(":");
        const readable = kind === "worksheet" && parseRecord(store.getItem(key), worksheet);
        items.push({ store, key, kind: readable ? "answers" : "kept-aside", worksheet });
      } else if (key.startsWith(materialPrefix)) {
        items.push({ store, key, kind: key.endsWith(".__palette") ? "theme" : "other" });
      }
    }
  }
  return items;
}

function renderHeld() {
  const known = definitions();
  const items = held();
  const rows = items.map((item) => {
    const li = document.createElement("li");
    if (item.kind === "answers" || item.kind === "kept-aside") {
      const sheet = known.get(item.worksheet);
      li.append(`${message(item.kind)} `);
      const name = document.createElement(sheet ? "a" : "span");
      name.textContent = sheet ? sheet.title : `${item.worksheet} ${message("unknown-worksheet")}`;
      if (sheet) name.href = new URL(sheet.href, document.baseURI).href;
      li.append(name);
      if (item.kind === "kept-aside") li.append(" ", downloadButton(item));
    } else {
      li.textContent = message(item.kind);
    }
    return li;
  });
  document.querySelector("[data-onward-held-list]").replaceChildren(...rows);
  const status = document.querySelector("[data-onward-held-status]");
  if (!stores().length) status.textContent = message("blocked");
  else status.textContent = message(items.length ? "some" : "nothing");
  document.querySelector("[data-onward-held-tools]").hidden = items.length === 0;
}

// A copy kept aside (or a record that cannot be read) downloads exactly as it is stored.
function downloadButton(item) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "onward-button onward-button--quiet";
  button.textContent = message("download-copy");
  const name = item.key.slice(prefix().length).replaceAll(":", "-");
  button.addEventListener("click", () => download(`onward-${name}.txt`, item.store.getItem(item.key) || "", "text/plain"));
  return button;
}

function announce(selector, name) {
  const status = document.querySelector(selector);
  status.textContent = message(name);
  status.tabIndex = -1;
  status.focus();
}

// The confirmation names each thing that will go, as the list above names it.
function nameWhatWillGo(confirm) {
  const names = [...document.querySelectorAll("[data-onward-held-list] li")].map((item) => {
    const li = document.createElement("li");
    li.textContent = [...item.childNodes].filter((node) => node.nodeName !== "BUTTON").map((node) => node.textContent).join("").trim();
    return li;
  });
  let list = confirm.querySelector(".onward-confirm__list");
  if (!list) {
    list = document.createElement("ul");
    list.className = "onward-confirm__list";
    confirm.querySelector(".onward-confirm__question").after(list);
  }
  list.replaceChildren(...names);
}

function deleteEverything() {
  for (const item of held()) {
    try {
      item.store.removeItem(item.key);
    } catch {
      // Already gone.
    }
  }
  document.querySelector("[data-onward-delete-confirm]").hidden = true;
  refresh();
  announce("[data-onward-held-status]", "deleted");
}

// ---- Keep a copy ----------------------------------------------------------------

function downloadMarkdown() {
  const sheets = answerSheets();
  if (!sheets.length) return announce("[data-onward-copy-status]", "no-answers");
  const labels = {
    heading: message("markdown-heading"),
    intro: message("markdown-intro"),
    updated: message("updated"),
    retired: message("retired"),
  };
  download(`onward-answers-${today()}.md`, toMarkdown(sheets, labels), "text/markdown");
  announce("[data-onward-copy-status]", "markdown-done");
}

function backup() {
  if (!heldRecords().size) return announce("[data-onward-copy-status]", "no-answers");
  downloadBackup();
  announce("[data-onward-copy-status]", "backup-done");
}

// ---- Shared computer mode ---------------------------------------------------------

function renderShared() {
  const on = sharedMode();
  const box = document.querySelector("[data-onward-shared]");
  box.hidden = false;
  box.querySelector("[data-onward-shared-on]").hidden = on;
  box.querySelector("[data-onward-shared-off]").hidden = !on;
  box.querySelector("[data-onward-shared-wipe]").hidden = !on;
  box.querySelector("[data-onward-shared-status]").textContent = message(on ? "shared-on" : "shared-off");
}

function switchShared(action) {
  const done = setSharedMode(action === "on", { wipe: action === "wipe", materialPrefix });
  refresh();
  const names = { on: "shared-turned-on", off: "shared-turned-off", wipe: "shared-wiped" };
  announce("[data-onward-shared-status]", done ? names[action] : "shared-failed");
}

// ---- Binding -----------------------------------------------------------------------

let summary = null;

function refresh() {
  renderHeld();
  renderShared();
  document.querySelector("[data-onward-copy-tools]").hidden = false;
  if (summary) summary.refresh();
}

function onClick(event) {
  const button = event.target.closest("button");
  if (!button) return;
  const confirm = document.querySelector("[data-onward-delete-confirm]");
  if (button.matches("[data-onward-delete-all]")) {
    nameWhatWillGo(confirm);
    confirm.hidden = false;
    confirm.querySelector(".onward-confirm__question").focus();
  } else if (button.matches("[data-onward-delete-no]")) {
    confirm.hidden = true;
    document.querySelector("[data-onward-delete-all]").focus();
  } else if (button.matches("[data-onward-delete-yes]")) {
    deleteEverything();
  } else if (button.matches("[data-onward-backup]")) {
    backup();
  } else if (button.matches("[data-onward-markdown]")) {
    downloadMarkdown();
  } else if (button.matches("[data-onward-shared-on]")) {
    switchShared("on");
  } else if (button.matches("[data-onward-shared-off]")) {
    switchShared("off");
  } else if (button.matches("[data-onward-shared-wipe]")) {
    switchShared("wipe");
  }
}

export function bind(page) {
  const marker = page.querySelector("[data-onward-my-answers]");
  if (!marker || marker.dataset.onwardBound) return;
  marker.dataset.onwardBound = "true";
  const article = marker.closest("article") || page.body;
  article.addEventListener("click", onClick);
  summary = bindSummary(article);
  bindRestore(article, refresh);
  refresh();
  const again = () => marker.isConnected && refresh();
  window.addEventListener("storage", again); // Material's theme choice, too
  onChange(again);
}

bind(document);
