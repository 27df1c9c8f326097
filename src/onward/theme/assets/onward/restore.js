// Restore a backup: check the file, show what it holds and what would change, and only
// then, on the person's say-so, merge or replace. Nothing changes before that; if storing
// fails part way, everything touched is put back as it was.

import { definitions, message } from "./answer-sheets.js";
import { downloadBackup, held, heldRecords } from "./backup-file.js";
import { BackupProblem, MAX_BYTES, changes, newAsideCopies, plan, readBackup } from "./backup-format.js";
import { element } from "./dom.js";
import { parseRecord, stamped } from "./record.js";
import { asideKey, namespace, prefix, recordKey, store } from "./store.js";

async function readFile(file) {
  if (file.size > MAX_BYTES) throw new BackupProblem("too-big"); // never read a huge file
  return readBackup(await file.text(), file.size);
}

function titleOf(id) {
  const sheet = definitions().get(id);
  return sheet ? sheet.title : `${id} ${message("unknown-worksheet")}`;
}

/**
 * Write the changes, or none of them: each key's old value is noted first and put back
 * if the browser refuses a write (a full storage). Returns true when all were stored.
 */
function apply(storage, backup, rows) {
  const here = heldRecords();
  const { write, remove, aside } = changes(backup, here, rows);
  const steps = [];
  for (const [id, record] of aside) steps.push([asideKey(record === here.get(id) ? "before-restore" : "from-backup", id), JSON.stringify(record)]);
  for (const [id, record] of write) {
    // A stored copy that cannot be read is never written over: it is kept aside first.
    const old = storage.getItem(recordKey(id));
    if (old !== null && !parseRecord(old, id)) steps.push([asideKey("unreadable", id), old]);
    // Stamped as changed now, so a worksheet open in another tab takes it rather than its older copy.
    steps.push([recordKey(id), JSON.stringify(stamped(record, Date.now()))]);
  }
  for (const id of remove) steps.push([recordKey(id), null]);
  for (const [key, text] of newAsideCopies(backup, held().aside)) steps.push([`${prefix()}${key}`, text]);
  const before = new Map();
  try {
    for (const [key, value] of steps) {
      if (!before.has(key)) before.set(key, storage.getItem(key));
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    }
    return true;
  } catch {
    for (const [key, value] of before) {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch {
        // Putting back an old value frees space rather than taking it; nothing more to try.
      }
    }
    return false;
  }
}

export function bindRestore(root, refresh) {
  const box = root.querySelector("[data-onward-restore]");
  const input = box.querySelector("[data-onward-restore-file]");
  const problem = box.querySelector("[data-onward-restore-problem]");
  const preview = box.querySelector("[data-onward-restore-preview]");
  const status = box.querySelector("[data-onward-restore-status]");
  const otherSite = box.querySelector("[data-onward-restore-other-site]");
  const choices = box.querySelector("[data-onward-restore-choices]");
  let backup = null;
  box.hidden = false;

  const mode = () => box.querySelector('input[name="onward-restore-mode"]:checked').value;

  function say(name, focus = false) {
    status.textContent = message(name);
    if (focus) {
      status.tabIndex = -1;
      status.focus();
    }
  }

  function refuse(code) {
    backup = null;
    preview.hidden = true;
    problem.querySelector("[data-onward-restore-problem-text]").textContent = message(`restore-${code}`);
    problem.hidden = false;
  }

  function showPlan() {
    const rows = plan(backup, heldRecords(), mode());
    const items = rows.map(({ id, action }) => element("li", `${titleOf(id)}: ${message(`action-${action}`)}`));
    box.querySelector("[data-onward-restore-plan]").replaceChildren(...items);
  }

  function showPreview() {
    problem.hidden = true;
    const source = box.querySelector("[data-onward-restore-source]");
    if (backup.site) {
      const made = backup.created ? new Date(backup.created).toLocaleString(document.documentElement.lang || undefined) : "";
      source.textContent = `${message("restore-made")} ${backup.site.name || backup.site.namespace}${made ? `, ${made}` : ""}.`;
    } else {
      source.textContent = message("restore-unknown-site");
    }
    const foreign = Boolean(backup.site) && backup.site.namespace !== namespace();
    otherSite.hidden = !foreign;
    choices.hidden = foreign;
    if (foreign) {
      otherSite.querySelector("[data-onward-restore-site-name]").textContent =
        `${message("restore-other-site")} ${backup.site.name || backup.site.namespace}`;
      otherSite.querySelector("[data-onward-restore-site-why]").textContent = message("restore-other-site-why");
    }
    box.querySelector("#onward-restore-merge").checked = true;
    showPlan();
    preview.hidden = false;
    preview.querySelector("h3").focus();
  }

  function finish(name) {
    backup = null;
    preview.hidden = true;
    input.value = "";
    refresh();
    say(name, true);
  }

  input.addEventListener("change", async () => {
    status.textContent = "";
    const [file] = input.files;
    if (!file) return;
    try {
      backup = await readFile(file);
    } catch (error) {
      input.value = "";
      refuse(error instanceof BackupProblem ? error.code : "unreadable");
      return;
    }
    showPreview();
  });

  box.addEventListener("change", (event) => {
    if (backup && event.target.name === "onward-restore-mode") showPlan();
  });

  box.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !backup) return;
    if (button.matches("[data-onward-restore-anyway]")) {
      otherSite.hidden = true;
      choices.hidden = false;
      box.querySelector("#onward-restore-merge").focus();
    } else if (button.matches("[data-onward-restore-backup-first]")) {
      downloadBackup();
    } else if (button.matches("[data-onward-restore-cancel]")) {
      finish("restore-cancelled");
    } else if (button.matches("[data-onward-restore-confirm]")) {
      const chosen = mode();
      const storage = store();
      const done = storage !== null && apply(storage, backup, plan(backup, heldRecords(), chosen));
      if (done) finish(chosen === "replace" ? "restored-replace" : "restored-merge");
      else say("restore-failed", true);
    }
  });
}
