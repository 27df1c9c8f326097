// Worksheets: every answer is kept in this browser's localStorage as it is typed
// (sessionStorage in shared-computer mode, see store.js).
//
// The form is plain HTML rendered at build time; this module binds it. One record
// per worksheet: {format, worksheet, version, updated, answers, retired?, questions?}
// (src/onward/schemas/backup.schema.json). Typed text is only ever handled as data
// (value, textContent), never as markup.

import { isEmpty, isPlainObject, migrate, questionsFor, valueText } from "./migrate.js";
import { asideKey, recordKey, sharedMode, store } from "./store.js";
import { download, today } from "./download.js";

const FORMAT = 1;
const SAVE_DELAY_MS = 200; // while typing goes on, write at most this often
const TOKENS_IN = ["id", "for", "name", "aria-describedby", "aria-labelledby"];

const sheets = new Map(); // worksheet id -> state, kept across instant navigations
const insightsModule = new URL("./insights.js", import.meta.url).href;
const backupModule = new URL("./backup-file.js", import.meta.url).href;
let insights = null; // loaded on the first "See what this tells me", with Pyodide behind it

const storage = store;

function emptyRecord(id, version) {
  return { format: FORMAT, worksheet: id, version, updated: null, answers: {} };
}

// A stored record fitted to the worksheet as it is now (see migrate.js), or null when it
// cannot be trusted (hand-edited, cut short, newer).
function parseRecord(text, sheet) {
  const record = readRecord(text, sheet.id);
  if (!record) return null;
  const { record: fitted, changed } = migrate(record, sheet.definition);
  if (changed) sheet.migrated = true;
  return fitted;
}

// The record's outline only: backup-format.js checks every value against the schema, but a
// worksheet page should not load the validator just to open, and values that do not fit a
// question are kept aside by migrate() anyway.
function readRecord(text, id) {
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    return null;
  }
  const usable =
    isPlainObject(record) &&
    record.format === FORMAT &&
    record.worksheet === id &&
    isPlainObject(record.answers) &&
    (record.retired === undefined || isPlainObject(record.retired)) &&
    (record.questions === undefined || isPlainObject(record.questions));
  return usable ? record : null;
}

// Load a worksheet's record. An unreadable one is copied aside, never overwritten.
function load(sheet) {
  const store = storage();
  let text = null;
  try {
    text = store ? store.getItem(recordKey(sheet.id)) : null;
  } catch {
    text = null;
  }
  sheet.lastSeen = text;
  if (text === null) return emptyRecord(sheet.id, sheet.version);
  const record = parseRecord(text, sheet);
  if (record) return record;
  sheet.unreadable = text;
  if (keepAside(sheet, "unreadable", text)) {
    try {
      store.removeItem(recordKey(sheet.id)); // moved, not lost: the copy is under its own key
      sheet.lastSeen = null;
    } catch {
      // Left where it was as well.
    }
  } else {
    sheet.blocked = true; // it could not be kept aside: never write over the original
  }
  return emptyRecord(sheet.id, sheet.version);
}

// Keep a copy under a key of its own ("onward:NS:KIND:ID:TIME"); false if storage refused.
function keepAside(sheet, kind, text) {
  try {
    storage().setItem(asideKey(kind, sheet.id), text);
    return true;
  } catch {
    return false;
  }
}

function save(sheet) {
  if (!sheet.dirty) return;
  sheet.record.updated = new Date().toISOString();
  sheet.record.version = sheet.version;
  sheet.record.questions = questionsFor(sheet.definition, sheet.record.answers);
  const text = JSON.stringify(sheet.record);
  try {
    if (sheet.blocked) throw new Error("kept aside copy missing");
    storage().setItem(recordKey(sheet.id), text);
    sheet.dirty = false;
    sheet.edited.clear();
    sheet.lastSeen = text;
    sheet.saveFailed = false;
    setStatus(sheet, sharedMode() ? "saved-shared" : "saved");
    hideProblem(sheet, "unsaved");
  } catch {
    sheet.saveFailed = true;
    showProblem(sheet, "unsaved");
  }
}

// Debounced on the leading edge: the first change after a pause is written at once
// (nothing waits on a busy page), the rest of a burst once it settles.
function scheduleSave(sheet) {
  sheet.dirty = true;
  if (sheet.timer) return;
  save(sheet);
  sheet.timer = setTimeout(() => {
    sheet.timer = null;
    save(sheet);
  }, SAVE_DELAY_MS);
}

function saveEverything() {
  for (const sheet of sheets.values()) save(sheet);
}

// ---- Reading and writing fields -------------------------------------------

// The fields that belong directly to a container (a worksheet or one group entry).
function ownFields(container) {
  return [...container.querySelectorAll("[data-onward-field]")].filter(
    (field) => field.parentElement.closest("[data-onward-entry], [data-onward-worksheet]") === container,
  );
}

function readField(field) {
  const type = field.dataset.onwardType;
  const inputs = [...field.querySelectorAll("input, textarea")];
  switch (type) {
    case "short_text":
    case "long_text":
    case "date":
      return inputs[0].value;
    case "single_choice":
    case "scale": {
      const chosen = inputs.find((input) => input.checked);
      if (!chosen) return null;
      return type === "scale" ? Number(chosen.value) : chosen.value;
    }
    case "multiple_choice":
    case "checklist":
      return inputs.filter((input) => input.checked).map((input) => input.value);
    case "group":
      return entriesOf(field).map((entry) => readAll(entry));
    default:
      return undefined; // a note asks nothing
  }
}

function writeField(field, value) {
  const type = field.dataset.onwardType;
  const inputs = [...field.querySelectorAll("input, textarea")];
  switch (type) {
    case "short_text":
    case "long_text":
    case "date":
      inputs[0].value = typeof value === "string" ? value : "";
      break;
    case "single_choice":
    case "scale":
      for (const input of inputs) input.checked = value !== null && value !== undefined && input.value === String(value);
      break;
    case "multiple_choice":
    case "checklist": {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      for (const input of inputs) input.checked = chosen.includes(input.value);
      break;
    }
    case "group":
      renderEntries(field, Array.isArray(value) ? value.filter(isPlainObject) : []);
      break;
    default:
      break;
  }
}

function readAll(container) {
  const answers = {};
  for (const field of ownFields(container)) {
    const value = readField(field);
    if (value !== undefined) answers[field.dataset.onwardField] = value;
  }
  return answers;
}

function writeAll(container, answers) {
  for (const field of ownFields(container)) writeField(field, answers[field.dataset.onwardField]);
}

// ---- Repeatable entries ---------------------------------------------------

function entriesOf(group) {
  return [...group.querySelector("[data-onward-entries]").children];
}

// Fill a copy of the entry template: ids get the index, visible text the number.
function newEntry(group, index) {
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
  const entry = fragment.querySelector("[data-onward-entry]");
  revealControls(entry);
  return entry;
}

function renderEntries(group, entries) {
  const list = group.querySelector("[data-onward-entries]");
  const rows = entries.length ? entries : [{}]; // one empty entry to start from
  const fresh = rows.map((answers, index) => {
    const entry = newEntry(group, index);
    writeAll(entry, answers);
    return entry;
  });
  list.replaceChildren(...fresh);
  const max = Number(group.dataset.onwardMaxItems || Infinity);
  group.querySelector("[data-onward-add]").disabled = fresh.length >= max;
  fresh.forEach((entry, index) => {
    entry.querySelector('[data-onward-move="-1"]').disabled = index === 0;
    entry.querySelector('[data-onward-move="1"]').disabled = index === fresh.length - 1;
  });
}

function focusFirstInput(entry) {
  const target = entry.querySelector("input, textarea");
  if (target) target.focus();
}

// ---- Messages ---------------------------------------------------------------

// Messages are rendered by the template in the site's language; a message with a slot
// (<span data-onward-slot>) takes `value` there, so translations can put it anywhere.
function messageText(form, name, value = "") {
  const source = form.querySelector(`[data-onward-messages] [data-onward-message="${name}"]`);
  if (!source) return "";
  const copy = source.cloneNode(true);
  const slot = copy.querySelector("[data-onward-slot]");
  if (slot) slot.textContent = value;
  return copy.textContent;
}

function setStatus(sheet, name) {
  const form = sheet.form;
  if (!form || !form.isConnected) return;
  const status = form.querySelector("[data-onward-status]");
  const text = messageText(form, name);
  if (status.textContent !== text) status.textContent = text;
}

function showProblem(sheet, name) {
  const form = sheet.form;
  if (!form || !form.isConnected) return;
  const box = form.querySelector("[data-onward-problem]");
  box.hidden = false;
  box.querySelector(`[data-onward-message="${name}"]`).hidden = false;
  box.querySelector(`[data-onward-download="${name === "unsaved" ? "answers" : "unreadable"}"]`).hidden = false;
  form.querySelector("[data-onward-status]").textContent = "";
}

function hideProblem(sheet, name) {
  const form = sheet.form;
  if (!form || !form.isConnected) return;
  const box = form.querySelector("[data-onward-problem]");
  box.querySelector(`[data-onward-message="${name}"]`).hidden = true;
  box.querySelector(`[data-onward-download="${name === "unsaved" ? "answers" : "unreadable"}"]`).hidden = true;
  box.hidden = [...box.querySelectorAll("[data-onward-message]")].every((p) => p.hidden);
}

// ---- Binding a form ----------------------------------------------------------

function revealControls(root) {
  const selector =
    "[data-onward-tools], [data-onward-add], [data-onward-entry-actions], [data-onward-clear-choice]";
  for (const control of root.querySelectorAll(selector)) control.hidden = false;
}

function topLevelField(form, target) {
  let field = target.closest("[data-onward-field]");
  while (field) {
    const outer = field.parentElement.closest("[data-onward-field]");
    if (!outer || !form.contains(outer)) return field;
    field = outer;
  }
  return null;
}

function onEdit(sheet, event) {
  const field = topLevelField(sheet.form, event.target);
  if (!field) return;
  sheet.record.answers[field.dataset.onwardField] = readField(field);
  sheet.edited.add(field.dataset.onwardField);
  scheduleSave(sheet);
  insightsChanged(sheet);
}

function insightsChanged(sheet) {
  if (insights) insights.then((module) => module.changed(sheet.form, sheet.id, () => sheet.record.answers), () => {});
}

// A confirmation shown in place: open it and move focus to its question, or close it and
// give focus back to the button that opened it.
function confirmation(form, confirmSelector, triggerSelector, open) {
  const confirm = form.querySelector(confirmSelector);
  confirm.hidden = !open;
  (open ? confirm.querySelector(".onward-confirm__question") : form.querySelector(triggerSelector)).focus();
}

function onClick(sheet, event) {
  const button = event.target.closest("button");
  if (!button || !sheet.form.contains(button)) return;
  const form = sheet.form;
  const group = button.closest('[data-onward-type="group"]');
  const entry = button.closest("[data-onward-entry]");
  let announcement = null; // what changed, said after the save so "Saved" does not drown it

  if (button.matches("[data-onward-add]")) {
    const entries = readField(group);
    entries.push({});
    renderEntries(group, entries);
    focusFirstInput(entriesOf(group).at(-1));
    announcement = "entry-added";
  } else if (button.matches("[data-onward-remove]")) {
    const index = entriesOf(group).indexOf(entry);
    const entries = readField(group);
    const heading = entry.querySelector(".onward-entry__heading").textContent;
    if (!isEmpty([entries[index]]) && !window.confirm(messageText(form, "remove-entry", heading))) return;
    entries.splice(index, 1);
    renderEntries(group, entries);
    const next = entriesOf(group)[Math.min(index, entriesOf(group).length - 1)];
    focusFirstInput(next);
    announcement = "entry-removed";
  } else if (button.matches("[data-onward-move]")) {
    const step = Number(button.dataset.onwardMove);
    const index = entriesOf(group).indexOf(entry);
    const entries = readField(group);
    const [moved] = entries.splice(index, 1);
    entries.splice(index + step, 0, moved);
    renderEntries(group, entries);
    const movedEntry = entriesOf(group)[index + step];
    const same = movedEntry.querySelector(`[data-onward-move="${step}"]`);
    (same.disabled ? movedEntry.querySelector(`[data-onward-move="${-step}"]`) : same).focus();
    announcement = "entry-moved";
  } else if (button.matches("[data-onward-clear-choice]")) {
    for (const input of button.closest("[data-onward-field]").querySelectorAll("input")) input.checked = false;
  } else if (button.matches("[data-onward-clear], [data-onward-confirm-no]")) {
    confirmation(form, "[data-onward-confirm]", "[data-onward-clear]", button.matches("[data-onward-clear]"));
    return;
  } else if (button.matches("[data-onward-confirm-yes]")) {
    clearSheet(sheet);
    return;
  } else if (button.matches("[data-onward-retired-delete], [data-onward-retired-no]")) {
    const open = button.matches("[data-onward-retired-delete]");
    confirmation(form, "[data-onward-retired-confirm]", "[data-onward-retired-delete]", open);
    return;
  } else if (button.matches("[data-onward-retired-yes]")) {
    delete sheet.record.retired;
    sheet.dirty = true;
    save(sheet);
    showRetired(sheet);
    setStatus(sheet, "retired-deleted");
    const status = form.querySelector("[data-onward-status]");
    status.tabIndex = -1;
    status.focus();
    return;
  } else if (button.matches("[data-onward-insights-run]")) {
    insights ??= import(insightsModule).catch((error) => {
      insights = null; // try again on the next press
      const failed = form.querySelector('.onward-insights__messages [data-onward-message="insights-failed"]');
      form.querySelector("[data-onward-insights-progress]").textContent = failed.textContent;
      throw error;
    });
    insights.then((module) => module.show(form, sheet.id, () => sheet.record.answers), () => {});
    return;
  } else if (button.matches("[data-onward-download]")) {
    if (button.dataset.onwardDownload === "unreadable") {
      download(`onward-${sheet.id}-unreadable-${today()}.txt`, sheet.unreadable || "", "text/plain");
    } else {
      // Everything this browser holds for the site, with the answers on the page as they are now.
      const current = new Map([...sheets.values()].filter((s) => s.record).map((s) => [s.id, s.record]));
      import(backupModule).then((backups) => backups.downloadBackup(current));
    }
    return;
  } else {
    return;
  }
  onEdit(sheet, { target: group || button });
  if (announcement) setStatus(sheet, announcement);
}

function clearSheet(sheet) {
  const form = sheet.form;
  clearTimeout(sheet.timer);
  sheet.timer = null;
  sheet.record = emptyRecord(sheet.id, sheet.version);
  sheet.dirty = false;
  sheet.edited.clear();
  try {
    if (!sheet.blocked) storage().removeItem(recordKey(sheet.id));
    sheet.lastSeen = null;
  } catch {
    // Nothing stored to remove.
  }
  writeAll(form, {});
  showRetired(sheet);
  form.querySelector("[data-onward-confirm]").hidden = true;
  setStatus(sheet, "cleared");
  form.querySelector("[data-onward-clear]").focus();
  insightsChanged(sheet);
}

function bindForm(form) {
  if (form.dataset.onwardBound) return;
  form.dataset.onwardBound = "true";
  const id = form.dataset.onwardWorksheet;
  let sheet = sheets.get(id);
  if (!sheet) {
    const definition = JSON.parse(form.querySelector("[data-onward-definition]").dataset.onwardDefinition);
    sheet = { id, version: definition.version, definition, timer: null, dirty: false, edited: new Set() };
    sheets.set(id, sheet);
  }
  save(sheet); // anything still pending from the page before an instant navigation
  sheet.form = form;
  // Answers that could not be saved live only in memory: never swap them for the stored copy.
  if (!sheet.record || !sheet.saveFailed) sheet.record = load(sheet);

  // Anything typed before this code arrived fills fields that have no stored answer. Where
  // both have text, the stored answer stays and the early typing is kept aside: nothing is lost.
  const typed = Object.entries(readAll(form)).filter(([, value]) => !isEmpty(value));
  const early = typed.filter(([key]) => isEmpty(sheet.record.answers[key]));
  const clashing = typed.filter(([key, value]) => !isEmpty(sheet.record.answers[key]) &&
    JSON.stringify(sheet.record.answers[key]) !== JSON.stringify(value));
  if (clashing.length) keepAside(sheet, "typed-early", JSON.stringify(Object.fromEntries(clashing)));
  revealControls(form);
  const insightsPanel = form.querySelector("[data-onward-insights]"); // absent where there is no Python
  if (insightsPanel && document.querySelector('meta[name="onward-insights"]')) insightsPanel.hidden = false;
  writeAll(form, sheet.record.answers);
  for (const [key, value] of early) {
    sheet.record.answers[key] = value;
    sheet.edited.add(key);
    writeField(ownFields(form).find((field) => field.dataset.onwardField === key), value);
  }
  if (early.length || sheet.migrated) scheduleSave(sheet);
  sheet.migrated = false;
  showRetired(sheet);
  form.querySelector("[data-onward-shared-notice]").hidden = !sharedMode();

  if (sheet.unreadable !== undefined) showProblem(sheet, "unreadable");
  if (sheet.blocked || sheet.saveFailed || !storage()) showProblem(sheet, "unsaved");
  else if (sheet.record.updated) setStatus(sheet, "saved");

  form.addEventListener("input", (event) => onEdit(sheet, event));
  form.addEventListener("change", (event) => onEdit(sheet, event));
  form.addEventListener("click", (event) => onClick(sheet, event));
}

// Another tab saved this worksheet: show its answers here too, but never at the cost of
// this tab's own edits that are not yet written (they win, field by field, and are saved).
function onStorage(event) {
  if (!event.key) return;
  for (const sheet of sheets.values()) {
    if (event.key !== recordKey(sheet.id) || event.newValue === sheet.lastSeen) continue;
    const record = event.newValue === null ? emptyRecord(sheet.id, sheet.version) : parseRecord(event.newValue, sheet);
    if (!record) continue; // unreadable here: leave it alone; load() moves it aside on the next visit
    sheet.lastSeen = event.newValue;
    for (const key of sheet.edited) record.answers[key] = sheet.record.answers[key];
    sheet.record = record;
    sheet.migrated = false; // the other tab saves its own fitting
    if (sheet.form && sheet.form.isConnected) {
      syncForm(sheet.form, record.answers, sheet.edited);
      showRetired(sheet);
      setStatus(sheet, "changed-elsewhere");
      insightsChanged(sheet);
    }
  }
}

// Answers to questions no longer asked: shown as text under the form, kept until the person
// deletes them (see migrate.js).
function showRetired(sheet) {
  const form = sheet.form;
  if (!form || !form.isConnected) return;
  const box = form.querySelector("[data-onward-retired]");
  const items = Object.values(sheet.record.retired || {});
  box.hidden = items.length === 0;
  form.querySelector("[data-onward-retired-confirm]").hidden = true;
  const rows = items.flatMap((item) => {
    const question = document.createElement("dt");
    question.textContent = item.question;
    const answer = document.createElement("dd");
    answer.textContent = valueText(item.value);
    return [question, answer];
  });
  box.querySelector("[data-onward-retired-list]").replaceChildren(...rows);
}

// Update only the fields whose answers changed, so focus and caret stay put elsewhere.
function syncForm(form, answers, keep) {
  for (const field of ownFields(form)) {
    if (keep.has(field.dataset.onwardField)) continue;
    const wanted = answers[field.dataset.onwardField];
    const current = readField(field);
    const differs = wanted === undefined ? !isEmpty(current) : JSON.stringify(current) !== JSON.stringify(wanted);
    if (differs) writeField(field, wanted);
  }
}

export function bindPage(root) {
  for (const form of root.querySelectorAll("[data-onward-worksheet]")) bindForm(form);
}

// Loaded by a module script in the form itself, this runs once the page is parsed, before
// the rest of the page's start-up work: answers are saved from the first keystroke.
bindPage(document);

window.addEventListener("storage", onStorage);
// Answers that could not be stored live only in this page: ask before it is closed.
window.addEventListener("beforeunload", (event) => {
  if ([...sheets.values()].some((sheet) => sheet.saveFailed && sheet.dirty)) event.preventDefault();
});
window.addEventListener("pagehide", saveEverything);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") saveEverything();
});
