// Backups: reading a file someone chose, and working out what restoring it would change.
// Pure functions, no DOM: the browser and the tests (Node) load this same module, and
// src/onward/backup.py applies the same checks in Python to the same schema.

import { validateBackup, validateRecord } from "./backup-schema.js";
import { RECORD_FORMAT, isPlainObject, isSetting, parseJson } from "./record.js";

export const BACKUP_FORMAT = 3;
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 12; // a real backup nests 7 deep

/** A file that cannot be restored; `code` names a message the page shows. */
export class BackupProblem extends Error {
  constructor(code, detail = "") {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
    this.detail = detail;
  }
}

// How deep brackets nest, and whether the text stops inside a string or an open bracket
// (a file cut short). Counted before parsing, so junk nested a million deep is never parsed.
export function nesting(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "{" || char === "[") {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === "}" || char === "]") {
      depth--;
    }
  }
  return { deepest, unclosed: inString || depth > 0 };
}

function parse(text) {
  const shape = nesting(text);
  if (shape.deepest > MAX_DEPTH) throw new BackupProblem("too-deep", `nested ${shape.deepest} levels`);
  try {
    return parseJson(text);
  } catch (error) {
    const forbidden = /^forbidden key (.*)$/.exec(error.message);
    if (forbidden) throw new BackupProblem("forbidden-key", forbidden[1]);
    throw new BackupProblem(shape.unclosed ? "truncated" : "not-json", error.message);
  }
}

// An earlier Onward backed the help box's country up among the copies kept aside
// ("help-country"); such a file is read without it rather than refused, so the answers in
// it can still be restored. A setting is a choice of this browser, never something written.
function withoutSettings(data) {
  if (!isPlainObject(data.aside)) return data;
  const aside = Object.fromEntries(Object.entries(data.aside).filter(([key]) => !isSetting(key)));
  return { ...data, aside };
}

function firstError(validate) {
  const [error] = validate.errors || [];
  return error ? `${error.instancePath || "/"} ${error.message}` : "";
}

// A single stored record (what a worksheet's own download once wrote) as a backup.
function fromRecord(record) {
  if (!validateRecord(record)) throw new BackupProblem("wrong-types", firstError(validateRecord));
  const { format, worksheet, ...kept } = record;
  return { onward: "backup", format: BACKUP_FORMAT, created: record.updated || "", site: null, worksheets: { [worksheet]: kept }, aside: {} };
}

/**
 * Check a chosen file's text and return a backup of this format, or throw a BackupProblem.
 * `site` is null for a format-1 file, which does not say where it was made.
 */
export function readBackup(text, byteLength) {
  if (byteLength > MAX_BYTES) throw new BackupProblem("too-big", `${byteLength} bytes`);
  if (text.trim() === "") throw new BackupProblem("empty");
  const data = parse(text);
  if (!isPlainObject(data)) throw new BackupProblem("not-backup");
  if (data.onward === "backup") {
    if (typeof data.format === "number" && data.format > BACKUP_FORMAT) throw new BackupProblem("newer", `format ${data.format}`);
    const backup = withoutSettings(data);
    if (!validateBackup(backup)) throw new BackupProblem("wrong-types", firstError(validateBackup));
    return { ...backup, format: BACKUP_FORMAT, aside: backup.aside || {} };
  }
  if (["worksheet", "answers", "format"].every((key) => Object.hasOwn(data, key))) {
    if (typeof data.format === "number" && data.format > RECORD_FORMAT) throw new BackupProblem("newer", `format ${data.format}`);
    return fromRecord(data);
  }
  throw new BackupProblem("not-backup");
}

/**
 * Records and kept-aside copies as one backup. `records` maps worksheet id to a stored
 * record; `aside` maps a kept-aside key (after the site's prefix) to its text, exactly as stored.
 */
export function makeBackup(records, site, aside = new Map(), now = new Date()) {
  const worksheets = {};
  for (const [id, record] of records) {
    const { format, worksheet, ...kept } = record;
    worksheets[id] = kept;
  }
  const backup = { onward: "backup", format: BACKUP_FORMAT, created: now.toISOString(), site, worksheets };
  if (aside.size) backup.aside = Object.fromEntries([...aside].sort(([a], [b]) => (a < b ? -1 : 1)));
  return backup;
}

/** A backup's worksheet as a record ready to store. */
export function toRecord(id, entry) {
  return { format: RECORD_FORMAT, worksheet: id, ...entry };
}

function same(a, b) {
  return JSON.stringify(a.answers) === JSON.stringify(b.answers) &&
    JSON.stringify(a.retired || {}) === JSON.stringify(b.retired || {});
}

function newer(a, b) {
  return (a.updated || "") > (b.updated || "");
}

/**
 * What restoring would do, worksheet by worksheet, before anything changes.
 * `here` maps worksheet id to the record this browser holds. Each row:
 * {id, action} with action one of
 *   merge:   "add" | "same" | "replace-older" (the file's is newer; this browser's copy is kept aside)
 *            | "keep-newer" (this browser's is newer; the file's copy is kept aside)
 *   replace: "add" | "same" | "replace" | "delete" (held here, not in the file)
 */
export function plan(backup, here, mode) {
  const rows = [];
  for (const [id, entry] of Object.entries(backup.worksheets)) {
    const current = here.get(id);
    let action;
    if (!current) action = "add";
    else if (same(current, entry)) action = "same";
    else if (mode === "replace") action = "replace";
    else action = newer(current, entry) ? "keep-newer" : "replace-older";
    rows.push({ id, action });
  }
  if (mode === "replace") {
    for (const id of here.keys()) if (!Object.hasOwn(backup.worksheets, id)) rows.push({ id, action: "delete" });
  }
  return rows;
}

/**
 * The file's kept-aside copies this browser does not hold yet, as [[key, text]]. A restore
 * adds them, in either mode, and never removes a copy kept aside here.
 * `held` maps a kept-aside key (after the site's prefix) to the text stored under it.
 */
export function newAsideCopies(backup, held) {
  const copies = [];
  for (const [named, text] of Object.entries(backup.aside || {})) {
    // A copy is only ever a copy: never let one land under a record's key or the mode switch.
    const key = /^(worksheet|shared-computer)(:|$)/.test(named) ? `from-backup:${named}` : named;
    if (held.get(key) === text) continue;
    let free = key;
    for (let n = 2; held.has(free); n++) free = `${key}-${n}`; // never write over a copy held here
    copies.push([free, text]);
  }
  return copies;
}

/**
 * The storage changes a plan makes: {write: [[id, record]], remove: [id], aside: [[id, record]]}.
 * Nothing is dropped without the person's say-so: in a merge, whichever copy loses is kept aside.
 */
export function changes(backup, here, rows) {
  const result = { write: [], remove: [], aside: [] };
  for (const { id, action } of rows) {
    const fromFile = Object.hasOwn(backup.worksheets, id) ? toRecord(id, backup.worksheets[id]) : null;
    if (action === "add" || action === "replace") result.write.push([id, fromFile]);
    else if (action === "replace-older") {
      result.aside.push([id, here.get(id)]);
      result.write.push([id, fromFile]);
    } else if (action === "keep-newer") result.aside.push([id, fromFile]);
    else if (action === "delete") result.remove.push(id);
  }
  return result;
}
