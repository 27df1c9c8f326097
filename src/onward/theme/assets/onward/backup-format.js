// Backups: reading a file someone chose, and working out what restoring it would change.
// Pure functions, no DOM: the browser and the tests (Node) load this same module, and
// src/onward/backup.py applies the same checks in Python to the same schema.

import { validateBackup, validateRecord } from "./backup-schema.js";
import { isPlainObject } from "./migrate.js";

export const BACKUP_FORMAT = 2;
export const RECORD_FORMAT = 1;
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 12; // a real backup nests 7 deep
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

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
    return JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new BackupProblem("forbidden-key", key);
      return value;
    });
  } catch (error) {
    if (error instanceof BackupProblem) throw error;
    throw new BackupProblem(shape.unclosed ? "truncated" : "not-json", error.message);
  }
}

function firstError(validate) {
  const [error] = validate.errors || [];
  return error ? `${error.instancePath || "/"} ${error.message}` : "";
}

// A single stored record (format 1, what a worksheet's own download wrote) as a format-2 backup.
function fromRecord(record) {
  if (!validateRecord(record)) throw new BackupProblem("wrong-types", firstError(validateRecord));
  const { format, worksheet, ...kept } = record;
  return { onward: "backup", format: BACKUP_FORMAT, created: record.updated || "", site: null, worksheets: { [worksheet]: kept } };
}

/**
 * Check a chosen file's text and return a format-2 backup, or throw a BackupProblem.
 * `site` is null for a format-1 file, which does not say where it was made.
 */
export function readBackup(text, byteLength) {
  if (byteLength > MAX_BYTES) throw new BackupProblem("too-big", `${byteLength} bytes`);
  if (text.trim() === "") throw new BackupProblem("empty");
  const data = parse(text);
  if (!isPlainObject(data)) throw new BackupProblem("not-backup");
  if (data.onward === "backup") {
    if (typeof data.format === "number" && data.format > BACKUP_FORMAT) throw new BackupProblem("newer", `format ${data.format}`);
    if (!validateBackup(data)) throw new BackupProblem("wrong-types", firstError(validateBackup));
    return data;
  }
  if ("worksheet" in data && "answers" in data && "format" in data) {
    if (typeof data.format === "number" && data.format > RECORD_FORMAT) throw new BackupProblem("newer", `format ${data.format}`);
    return fromRecord(data);
  }
  throw new BackupProblem("not-backup");
}

/** A stored record's text as a record, or null when it cannot be trusted. */
export function readRecord(text, id) {
  let record;
  try {
    record = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error(key);
      return value;
    });
  } catch {
    return null;
  }
  return validateRecord(record) && record.worksheet === id ? record : null;
}

/** Records as one format-2 backup. `records` maps worksheet id to a stored record. */
export function makeBackup(records, site, now = new Date()) {
  const worksheets = {};
  for (const [id, record] of records) {
    const { format, worksheet, ...kept } = record;
    worksheets[id] = kept;
  }
  return { onward: "backup", format: BACKUP_FORMAT, created: now.toISOString(), site, worksheets };
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
    for (const id of here.keys()) if (!(id in backup.worksheets)) rows.push({ id, action: "delete" });
  }
  return rows;
}

/**
 * The storage changes a plan makes: {write: [[id, record]], remove: [id], aside: [[id, record]]}.
 * Nothing is dropped without the person's say-so: in a merge, whichever copy loses is kept aside.
 */
export function changes(backup, here, rows) {
  const result = { write: [], remove: [], aside: [] };
  for (const { id, action } of rows) {
    const fromFile = id in backup.worksheets ? toRecord(id, backup.worksheets[id]) : null;
    if (action === "add" || action === "replace") result.write.push([id, fromFile]);
    else if (action === "replace-older") {
      result.aside.push([id, here.get(id)]);
      result.write.push([id, fromFile]);
    } else if (action === "keep-newer") result.aside.push([id, fromFile]);
    else if (action === "delete") result.remove.push(id);
  }
  return result;
}
