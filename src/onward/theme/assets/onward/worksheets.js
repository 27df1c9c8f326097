// Worksheets: every answer is kept in this browser as it is typed (localStorage, or the
// tabs' sessionStorage in shared computer mode, see store.js).
//
// The form is plain HTML rendered at build time; this module binds it. Each worksheet has
// one record (record.js) held in memory and stored on every change; the page shows it.
// Other tabs' changes are merged answer by answer (merge.js): the field a person is in is
// never rewritten under them, focus never moves, and when two tabs change one answer the
// other tab's text is kept aside. Typed text is only handled as data (value, textContent).

import { download, today } from "./download.js";
import { arrange, entryNodes, newEntry, revealControls } from "./entries.js";
import { ownFields, readAll, readField, writeField } from "./fields.js";
import { mergeRecords, same } from "./merge.js";
import { answerPaths, emptyRecord, isBlank, newEntryId, openRecord, own, parseJson, recordText, stamped, valueText } from "./record.js";
import { afterStartUp, quietMoment } from "./background.js";
import { setPythonState, startsEarly } from "./python-start.js";
import { asideKey, onChange, prefix, recordKey, sharedMode, store } from "./store.js";

const SAVE_DELAY_MS = 200; // while typing goes on, write at most this often
// The empty entry a group shows before it has any: the same in every tab, so two tabs that
// start typing in it at once are typing in one entry.
const FIRST_ENTRY = "first";

const sheets = new Map(); // worksheet id -> state, kept across instant navigations
const insightsModule = new URL("./insights.js", import.meta.url).href;
const backupModule = new URL("./backup-file.js", import.meta.url).href;
let insights = null; // loaded on the first "See what this tells me", with Pyodide behind it

// ---- Storage ---------------------------------------------------------------------------

// Keep a copy under a key of its own; false if storage refused.
function keepAside(key, text) {
  try {
    store().setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

// Read a worksheet's record. An unreadable one is moved aside first, never written over.
function load(sheet) {
  let text = null;
  try {
    text = store()?.getItem(recordKey(sheet.id)) ?? null;
  } catch {
    text = null;
  }
  sheet.lastSeen = text;
  const opened = openRecord(text, sheet.definition);
  if (opened.unreadable === undefined) {
    sheet.migrated ||= opened.changed;
    return opened.record;
  }
  sheet.unreadable = text;
  if (keepAside(asideKey("unreadable", sheet.id), text)) {
    try {
      store().removeItem(recordKey(sheet.id)); // moved, not lost: the copy is under its own key
      sheet.lastSeen = null;
    } catch {
      // Left where it was as well.
    }
  } else {
    sheet.blocked = true; // it could not be kept aside: never write over the original
  }
  return opened.record;
}

// Where another tab's answer lost to this tab's, it is kept under a key for that answer.
function conflictKey(sheet, path) {
  return `${prefix()}other-tab:${sheet.id}:${path.replaceAll("/", ".")}`;
}

function save(sheet) {
  if (!sheet.dirty) return;
  const text = recordText(sheet.record, sheet.definition);
  try {
    if (sheet.blocked) throw new Error("kept aside copy missing");
    const storage = store();
    for (const [path, conflict] of sheet.conflicts) storage.setItem(conflictKey(sheet, path), JSON.stringify(conflict));
    sheet.conflicts.clear();
    storage.setItem(recordKey(sheet.id), text);
    sheet.record = parseJson(text);
    sheet.base = parseJson(text);
    sheet.dirty = false;
    sheet.edited.clear();
    sheet.lastSeen = text;
    sheet.saveFailed = false;
    if (!sheet.holdStatus) setStatus(sheet, sharedMode() ? "saved-shared" : "saved");
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

// ---- The record: answers at paths -----------------------------------------------------

// This tab changed the answer at `path` now: unsaved until the next save, and newer than any
// copy another tab may store in the meantime (see merge.js).
function touch(sheet, path) {
  sheet.edited.add(path);
  sheet.record.changed = { ...(sheet.record.changed || {}), [path]: Date.now() };
}

function groupIds(sheet, group) {
  sheet.record.entries ??= {};
  if (!Array.isArray(own(sheet.record.entries, group))) sheet.record.entries[group] = [];
  if (!Array.isArray(own(sheet.record.answers, group))) sheet.record.answers[group] = [];
  return sheet.record.entries[group];
}

function groupValues(sheet, group) {
  groupIds(sheet, group);
  return sheet.record.answers[group];
}

// The answer the record holds at a path ("field" or "group/entry/field").
function valueAt(sheet, path) {
  const [group, entry, child] = path.split("/");
  if (entry === undefined) return own(sheet.record.answers, group);
  const index = (own(sheet.record.entries || {}, group) || []).indexOf(entry);
  return index < 0 ? undefined : own(own(sheet.record.answers, group)?.[index], child);
}

// An entry on the page that the record does not hold yet (the empty one to start from, or one
// another tab removed while this tab was typing in it) joins the record where it stands.
function adopt(sheet, groupField, entry) {
  const group = groupField.dataset.onwardField;
  const ids = groupIds(sheet, group);
  const id = entry.dataset.onwardEntryId;
  if (ids.includes(id)) return ids.indexOf(id);
  const before = entryNodes(groupField).slice(0, entryNodes(groupField).indexOf(entry)).map((node) => node.dataset.onwardEntryId);
  const after = before.reverse().find((known) => ids.includes(known));
  const at = after === undefined ? 0 : ids.indexOf(after) + 1;
  ids.splice(at, 0, id);
  groupValues(sheet, group).splice(at, 0, readAll(entry));
  touch(sheet, `${group}/#order`);
  return at;
}

function questionOf(sheet, path) {
  const [group, , child] = path.split("/");
  const field = sheet.definition.fields.find((f) => f.id === group);
  const inner = child && field && (field.fields || []).find((f) => f.id === child);
  return (inner || field || { label: path }).label;
}

// ---- Showing the record ----------------------------------------------------------------

// The reader is in this node now: this tab has focus (not a tab in the background that
// merely remembers where its focus was) and the focus is inside the node.
function holdsFocus(node) {
  return document.hasFocus() && node.contains(document.activeElement) && document.activeElement !== document.body;
}

// Write one field, unless the reader is in it: then it waits until they leave (and if they
// type first, the answer it would have shown is kept aside as the other tab's).
function showValue(sheet, field, path, value, force) {
  const shown = readField(field);
  const differs = value === undefined ? !isBlank(shown) : !same(shown, value);
  if (!differs) {
    sheet.deferred.delete(path);
  } else if (!force && holdsFocus(field)) {
    sheet.deferred.add(path);
  } else {
    writeField(field, value);
    sheet.deferred.delete(path);
  }
}

function showGroup(sheet, field, force, letGo = null) {
  const group = field.dataset.onwardField;
  const ids = own(sheet.record.entries || {}, group) || [];
  const values = own(sheet.record.answers, group) || [];
  const nodes = entryNodes(field);
  const byId = new Map(nodes.map((node) => [node.dataset.onwardEntryId, node]));
  // Focus stays where it is, in this tab or in one in the background: the entry holding it is
  // never taken out of the page (see arrange), only its fields' values wait for the reader.
  const focused = force ? null : nodes.find((node) => node !== letGo && node.contains(document.activeElement)) || null;
  const wanted = ids.map((id, index) => {
    const node = byId.get(id) || newEntry(field, index, id);
    for (const child of ownFields(node)) {
      const name = child.dataset.onwardField;
      showValue(sheet, child, `${group}/${id}/${name}`, own(values[index], name), force);
    }
    return node;
  });
  if (focused && !wanted.includes(focused)) {
    // Removed in another tab while the reader is in it: it stays until they leave it.
    wanted.splice(Math.min(nodes.indexOf(focused), wanted.length), 0, focused);
    sheet.stale = true;
  }
  if (!wanted.length) {
    // One empty entry to start from; it joins the record when something is typed in it.
    const spare = nodes.find((node) => node !== letGo) || newEntry(field, 0, FIRST_ENTRY);
    spare.dataset.onwardEntryId = FIRST_ENTRY;
    for (const child of ownFields(spare)) writeField(child, undefined);
    wanted.push(spare);
  }
  arrange(field, wanted, focused);
}

/** Show the record in the form. Unless `force`, a field or entry holding focus is left as it is. */
function showRecord(sheet, { force = false, letGo = null } = {}) {
  const form = sheet.form;
  if (!form || !form.isConnected) return;
  sheet.stale = false;
  for (const field of ownFields(form)) {
    const id = field.dataset.onwardField;
    if (field.dataset.onwardType === "group") showGroup(sheet, field, force, letGo);
    else showValue(sheet, field, id, own(sheet.record.answers, id), force);
  }
  if (sheet.deferred.size) sheet.stale = true;
  showRetired(sheet);
}

// Answers kept aside (to questions no longer asked, or that the form cannot show): listed as
// text under the form until the person deletes them (see migrate.js).
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

// ---- Messages ---------------------------------------------------------------------------

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

// Say what an action did, and keep saying it until the reader types again: the save that
// follows must not replace it before a screen reader has read it out.
function announce(sheet, name) {
  sheet.holdStatus = true;
  setStatus(sheet, name);
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

function showSharedNotice(sheet) {
  if (sheet.form && sheet.form.isConnected) sheet.form.querySelector("[data-onward-shared-notice]").hidden = !sharedMode();
}

// ---- What the reader does ------------------------------------------------------------------

function onEdit(sheet, event) {
  const field = event.target.closest?.("[data-onward-field]");
  if (!field || !field.isConnected || !sheet.form.contains(field) || field.dataset.onwardType === "group") return;
  const entry = field.closest("[data-onward-entry]");
  const name = field.dataset.onwardField;
  let path = name;
  if (sheet.holdStatus !== "conflict") sheet.holdStatus = false; // an action was announced; typing moves on
  if (entry && sheet.form.contains(entry)) {
    const groupField = entry.closest('[data-onward-type="group"]');
    const group = groupField.dataset.onwardField;
    const id = entry.dataset.onwardEntryId;
    path = `${group}/${id}/${name}`;
    noteOverwrite(sheet, path);
    groupValues(sheet, group)[adopt(sheet, groupField, entry)][name] = readField(field);
  } else {
    noteOverwrite(sheet, path);
    sheet.record.answers[name] = readField(field);
  }
  touch(sheet, path);
  scheduleSave(sheet);
  insightsChanged(sheet);
}

// The reader typed into a field whose stored answer (another tab's) was waiting to be shown:
// theirs stays, and the other tab's is kept aside with its question.
function noteOverwrite(sheet, path) {
  if (!sheet.deferred.has(path)) return;
  sheet.deferred.delete(path);
  const waiting = valueAt(sheet, path);
  if (!isBlank(waiting)) {
    sheet.conflicts.set(path, { worksheet: sheet.id, question: questionOf(sheet, path), value: waiting });
    setStatus(sheet, "changed-both");
    sheet.holdStatus = "conflict"; // said until the next thing worth saying, not replaced by "Saved"
  }
}

function insightsChanged(sheet) {
  if (insights) insights.then((module) => module.changed(sheet.form, sheet.id, () => sheet.record.answers), () => {});
}

function loadInsights() {
  insights ??= import(insightsModule).catch((error) => {
    insights = null; // try again on the next press
    throw error;
  });
  return insights;
}

// Python takes seconds to start, so it starts in the background as soon as someone starts on a
// worksheet that offers insights: their first focus or keystroke in it, or, on a page where the
// worksheet is open to see, a quiet moment once the page has settled (background.js). Never
// where the reader has asked their browser to save data: there it starts when they ask.
function warmInsights(form) {
  if (!startsEarly(form)) return;
  const warm = () => loadInsights().then((module) => module.prewarm(form.dataset.onwardWorksheet), () => {});
  form.addEventListener("focusin", warm, { once: true });
  form.addEventListener("input", warm, { once: true });
  if (form.closest("details:not([open])")) return; // folded inside a guide page: only when opened and used
  if (document.documentElement.dataset.onwardPython === undefined) setPythonState("soon");
  quietMoment().then(warm);
}

// A confirmation shown in place: open it and move focus to its question, or close it and
// give focus back to the button that opened it.
function confirmation(form, confirmSelector, triggerSelector, open) {
  const confirm = form.querySelector(confirmSelector);
  confirm.hidden = !open;
  (open ? confirm.querySelector(".onward-confirm__question") : form.querySelector(triggerSelector)).focus();
}

function firstInput(entry) {
  return entry.querySelector("input, textarea");
}

// Adding, removing and moving entries change the record, then the page follows it.
const entryActions = {
  add(sheet, groupField) {
    const group = groupField.dataset.onwardField;
    for (const node of entryNodes(groupField)) adopt(sheet, groupField, node); // the empty one to start from counts
    const id = newEntryId();
    groupIds(sheet, group).push(id);
    groupValues(sheet, group).push({});
    touch(sheet, `${group}/#order`);
    showGroup(sheet, groupField, false);
    firstInput(entryNodes(groupField).at(-1)).focus();
    return "entry-added";
  },
  remove(sheet, groupField, entry) {
    const group = groupField.dataset.onwardField;
    const id = entry.dataset.onwardEntryId;
    const heading = entry.querySelector(".onward-entry__heading").textContent;
    if (!isBlank(readAll(entry)) && !window.confirm(messageText(sheet.form, "remove-entry", heading))) return null;
    const nodes = entryNodes(groupField);
    const position = nodes.indexOf(entry);
    const ids = groupIds(sheet, group);
    if (ids.includes(id)) {
      groupValues(sheet, group).splice(ids.indexOf(id), 1);
      ids.splice(ids.indexOf(id), 1);
    }
    for (const path of [...sheet.edited]) if (path.startsWith(`${group}/${id}/`)) sheet.edited.delete(path);
    touch(sheet, `${group}/#order`);
    showGroup(sheet, groupField, false, entry);
    const left = entryNodes(groupField);
    firstInput(left[Math.min(position, left.length - 1)]).focus();
    return "entry-removed";
  },
  move(sheet, groupField, entry, button) {
    const group = groupField.dataset.onwardField;
    const step = Number(button.dataset.onwardMove);
    for (const node of entryNodes(groupField)) adopt(sheet, groupField, node);
    const ids = groupIds(sheet, group);
    const values = groupValues(sheet, group);
    const from = ids.indexOf(entry.dataset.onwardEntryId);
    const to = from + step;
    if (to < 0 || to >= ids.length) return null;
    ids.splice(to, 0, ids.splice(from, 1)[0]);
    values.splice(to, 0, values.splice(from, 1)[0]);
    touch(sheet, `${group}/#order`);
    showGroup(sheet, groupField, false);
    const again = entry.querySelector(`[data-onward-move="${step}"]`);
    (again.disabled ? entry.querySelector(`[data-onward-move="${-step}"]`) : again).focus();
    return "entry-moved";
  },
};

function onClick(sheet, event) {
  const button = event.target.closest("button");
  if (!button || !sheet.form.contains(button)) return;
  const form = sheet.form;
  const groupField = button.closest('[data-onward-type="group"]');
  const entry = button.closest("[data-onward-entry]");

  let done = null;
  if (button.matches("[data-onward-add]")) done = entryActions.add(sheet, groupField);
  else if (button.matches("[data-onward-remove]")) done = entryActions.remove(sheet, groupField, entry);
  else if (button.matches("[data-onward-move]")) done = entryActions.move(sheet, groupField, entry, button);
  else if (button.matches("[data-onward-clear-choice]")) {
    const field = button.closest("[data-onward-field]");
    for (const input of field.querySelectorAll("input")) input.checked = false;
    onEdit(sheet, { target: field.querySelector("input") });
    return;
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
    touch(sheet, "#retired");
    sheet.dirty = true;
    save(sheet);
    showRetired(sheet);
    announce(sheet, "retired-deleted");
    const status = form.querySelector("[data-onward-status]");
    status.tabIndex = -1;
    status.focus();
    return;
  } else if (button.matches("[data-onward-insights-run]")) {
    loadInsights().then(
      (module) => module.show(form, sheet.id, () => sheet.record.answers),
      () => {
        const failed = form.querySelector('.onward-insights__messages [data-onward-message="insights-failed"]');
        form.querySelector("[data-onward-insights-progress]").textContent = failed.textContent;
      },
    );
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
  }
  if (!done) return;
  sheet.holdStatus = false;
  scheduleSave(sheet);
  insightsChanged(sheet);
  announce(sheet, done);
}

function clearSheet(sheet) {
  const form = sheet.form;
  clearTimeout(sheet.timer);
  forget(sheet);
  try {
    if (!sheet.blocked) store().removeItem(recordKey(sheet.id));
    sheet.lastSeen = null;
  } catch {
    // Nothing stored to remove.
  }
  showRecord(sheet, { force: true });
  form.querySelector("[data-onward-confirm]").hidden = true;
  announce(sheet, "cleared");
  form.querySelector("[data-onward-clear]").focus();
  insightsChanged(sheet);
}

// Empty the worksheet in memory: no answers, nothing waiting to be saved.
function forget(sheet) {
  sheet.timer = null;
  sheet.record = emptyRecord(sheet.id, sheet.version);
  sheet.base = emptyRecord(sheet.id, sheet.version);
  sheet.dirty = false;
  sheet.edited.clear();
  sheet.deferred.clear();
  sheet.conflicts.clear();
}

// ---- Binding a form --------------------------------------------------------------------------

function newSheet(form) {
  const definition = JSON.parse(form.querySelector("[data-onward-definition]").dataset.onwardDefinition);
  return {
    id: definition.id,
    version: definition.version,
    definition,
    timer: null,
    dirty: false,
    edited: new Set(), // paths changed here and not yet saved
    deferred: new Set(), // paths whose stored answer waits for the reader to leave the field
    conflicts: new Map(), // path -> the other tab's answer, kept aside on the next save
  };
}

// Entries the build rendered (one, empty) get ids: the record's where it has entries.
function nameRenderedEntries(sheet, form) {
  for (const groupField of form.querySelectorAll('[data-onward-type="group"]')) {
    const ids = own(sheet.record.entries || {}, groupField.dataset.onwardField) || [];
    entryNodes(groupField).forEach((node, index) => {
      node.dataset.onwardEntryId ||= ids[index] || (index === 0 ? FIRST_ENTRY : newEntryId());
      node.dataset.onwardEntryIndex ||= String(index);
    });
  }
}

// Anything typed before this code arrived fills answers that are empty. Where both have text,
// the stored answer stays and the early typing is kept aside: nothing is lost.
function takeEarlyTyping(sheet, form) {
  const typed = new Map();
  for (const field of ownFields(form)) {
    const name = field.dataset.onwardField;
    if (field.dataset.onwardType === "group") {
      const entries = entryNodes(field).map((node) => [node.dataset.onwardEntryId, readAll(node)]).filter(([, v]) => !isBlank(v));
      if (entries.length) typed.set(name, entries);
    } else if (!isBlank(readField(field))) {
      typed.set(name, readField(field));
    }
  }
  const clashing = {};
  let taken = false;
  for (const [name, value] of typed) {
    const group = Array.isArray(value) && Array.isArray(value[0]);
    const held = own(sheet.record.answers, name);
    if (!isBlank(held)) {
      const plain = group ? value.map(([, answers]) => answers) : value;
      if (!same(held, plain)) clashing[name] = plain;
      continue;
    }
    if (group) {
      sheet.record.entries = { ...(sheet.record.entries || {}), [name]: value.map(([id]) => id) };
      sheet.record.answers[name] = value.map(([, answers]) => answers);
      touch(sheet, `${name}/#order`);
      for (const [entry, answers] of value) for (const child of Object.keys(answers)) touch(sheet, `${name}/${entry}/${child}`);
    } else {
      sheet.record.answers[name] = value;
      touch(sheet, name);
    }
    taken = true;
  }
  if (Object.keys(clashing).length) keepAside(asideKey("typed-early", sheet.id), JSON.stringify(clashing));
  return taken;
}

function bindForm(form) {
  if (form.dataset.onwardBound) return;
  form.dataset.onwardBound = "true";
  const id = form.dataset.onwardWorksheet;
  let sheet = sheets.get(id);
  if (!sheet) {
    sheet = newSheet(form);
    sheets.set(id, sheet);
  }
  save(sheet); // anything still pending from the page before an instant navigation
  sheet.form = form;
  sheet.deferred.clear();
  // Answers that could not be saved live only in memory: never swap them for the stored copy.
  if (!sheet.record || !sheet.saveFailed) {
    sheet.record = load(sheet);
    sheet.base = structuredClone(sheet.record);
  }
  nameRenderedEntries(sheet, form);
  const early = takeEarlyTyping(sheet, form);
  revealControls(form);
  const insightsPanel = form.querySelector("[data-onward-insights]"); // absent where there is no Python
  if (insightsPanel && document.querySelector('meta[name="onward-insights"]')) insightsPanel.hidden = false;
  warmInsights(form);
  showRecord(sheet, { force: true });
  if (early || sheet.migrated) scheduleSave(sheet);
  sheet.migrated = false;
  showSharedNotice(sheet);

  if (sheet.unreadable !== undefined) showProblem(sheet, "unreadable");
  if (sheet.blocked || sheet.saveFailed || !store()) showProblem(sheet, "unsaved");
  else if (sheet.record.updated) setStatus(sheet, sharedMode() ? "saved-shared" : "saved");

  form.addEventListener("input", (event) => onEdit(sheet, event));
  form.addEventListener("change", (event) => onEdit(sheet, event));
  form.addEventListener("click", (event) => onClick(sheet, event));
  // Whatever waited for the reader to leave a field (another tab's answer, an entry removed
  // elsewhere) is shown once focus has moved on.
  form.addEventListener("focusout", () => {
    if (sheet.stale) setTimeout(() => showRecord(sheet), 0);
  });
}

// ---- Other tabs --------------------------------------------------------------------------------

// Another tab stored this worksheet: merge its record into this tab's. Nothing is written back
// from here: this tab's own unsaved edits are saved by the save they already scheduled.
function takeRemote(sheet, text) {
  if (text === sheet.lastSeen) return;
  const opened = openRecord(text, sheet.definition);
  if (opened.unreadable !== undefined) return; // left alone: load() moves it aside on the next visit
  sheet.lastSeen = text;
  // Gone from storage (cleared, deleted, replaced by a restore elsewhere): every answer this tab
  // holds was changed there just now, so only what is typed here and not yet saved stays.
  const remote = text === null
    ? stamped(opened.record, Date.now(), [...answerPaths(sheet.record), ...Object.keys(sheet.record.changed || {})])
    : opened.record;
  const { record, conflicts, stale } = mergeRecords(sheet.base, sheet.record, remote, sheet.edited, sheet.definition);
  sheet.base = remote;
  sheet.record = record;
  for (const { path, value } of conflicts) {
    if (!isBlank(value)) sheet.conflicts.set(path, { worksheet: sheet.id, question: questionOf(sheet, path), value });
  }
  // The other tab stored its copy before this tab's newer answers reached it: store them again,
  // or they would be gone the next time the page opens. Nothing older than what is stored is written.
  if (stale) scheduleSave(sheet);
  showRecord(sheet);
  announce(sheet, conflicts.length ? "changed-both" : "changed-elsewhere");
  if (conflicts.length) sheet.holdStatus = "conflict";
  insightsChanged(sheet);
}

onChange((change) => {
  for (const sheet of sheets.values()) {
    if (change.mode === "wiped") {
      clearTimeout(sheet.timer);
      forget(sheet);
      sheet.lastSeen = null;
      showRecord(sheet, { force: true });
      announce(sheet, "cleared");
    } else if (change.mode === "off") {
      takeRemote(sheet, store()?.getItem(recordKey(sheet.id)) ?? null);
    } else if (change.key === recordKey(sheet.id)) {
      takeRemote(sheet, change.newValue);
    }
    if (change.mode) showSharedNotice(sheet);
  }
});

export function bindPage(root) {
  for (const form of root.querySelectorAll("[data-onward-worksheet]")) bindForm(form);
}

// Loaded by a module script in the form itself, this binds the form once the page's start-up is
// over, in a task of its own (what is typed before then is kept: see takeEarlyTyping). Someone
// who is already in a worksheet comes first: their first focus or keystroke binds it at once,
// so what they type is saved from the first keystroke.
function bindOnFirstUse(event) {
  if (event.target instanceof Element && event.target.closest("[data-onward-worksheet]")) bindNow();
}
function bindNow() {
  for (const type of ["focusin", "input"]) document.removeEventListener(type, bindOnFirstUse, true);
  bindPage(document);
}
for (const type of ["focusin", "input"]) document.addEventListener(type, bindOnFirstUse, true);
afterStartUp(bindNow);

// Answers that could not be stored live only in this page: ask before it is closed.
window.addEventListener("beforeunload", (event) => {
  if ([...sheets.values()].some((sheet) => sheet.saveFailed && sheet.dirty)) event.preventDefault();
});
window.addEventListener("pagehide", saveEverything);
// Back in this tab: anything that waited while the reader was in a field is shown once they leave it.
window.addEventListener("blur", () => {
  for (const sheet of sheets.values()) if (sheet.stale) showRecord(sheet);
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") saveEverything();
});
