// One worksheet record, read, checked, fitted and written the same way everywhere: the
// worksheet form, Your answers, backups, restore, the adviser summary and the Markdown
// download all go through this module. Pure: no DOM, so Node tests load it as it is.
//
// A record: {format: 2, worksheet, version, updated, answers, entries?, retired?, questions?}
// (definitions.record in src/onward/schemas/backup.schema.json). `entries` names each entry
// of a repeatable group ({group id: [entry id, ...]}, in the order of its answers), so two
// tabs can tell which entry each other changed. What cannot be read is never dropped: the
// caller keeps the text aside; what cannot be shown moves to `retired` (see migrate.js).

import { migrate } from "./migrate.js";
import { isBlank, isPlainObject, own } from "./values.js";

export { isBlank, isPlainObject, own, valueText } from "./values.js";

/**
 * Whether `rest`, a key after the site's prefix, holds one of the site's settings (the help
 * box's country, the shared computer switch) rather than anything written: a setting's key
 * names no worksheet, so it has no colon. Settings are listed by name, never backed up, and
 * left out of a backup an earlier Onward made with one.
 */
export function isSetting(rest) {
  return !rest.includes(":");
}

export const RECORD_FORMAT = 2;
const READABLE_FORMATS = new Set([1, RECORD_FORMAT]); // 1: before entries had ids
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/u;
const MAX_KEYS = 500;
const MAX_ENTRIES = 1000;
const MAX_PATHS = 5000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const RECORD_KEYS = new Set(["format", "worksheet", "version", "updated", "answers", "entries", "changed", "retired", "questions"]);

function keyCount(object) {
  return Object.keys(object).length;
}

function isText(value, max = Infinity) {
  return typeof value === "string" && value.length <= max; // UTF-16 units, as the compiled schema counts
}

function checkEntries(entries) {
  if (!isPlainObject(entries) || keyCount(entries) > MAX_KEYS) return false;
  return Object.values(entries).every(
    (ids) => Array.isArray(ids) && ids.length <= MAX_ENTRIES && ids.every((id) => isText(id, 40)),
  );
}

function checkChanged(changed) {
  if (!isPlainObject(changed) || keyCount(changed) > MAX_PATHS) return false;
  return Object.values(changed).every((time) => typeof time === "number" && Number.isFinite(time));
}

function checkRetired(retired) {
  if (!isPlainObject(retired) || keyCount(retired) > MAX_KEYS) return false;
  return Object.values(retired).every(
    (item) =>
      isPlainObject(item) &&
      keyCount(item) === 2 &&
      Object.hasOwn(item, "question") &&
      Object.hasOwn(item, "value") &&
      typeof item.question === "string",
  );
}

/**
 * Whether a parsed value has a record's outline: the checks of the schema's `record`
 * (the same verdict as the compiled schema, proven by tests/unit/test_record_model.py).
 * Answer values may be anything: those that do not fit a question are kept aside by fit().
 */
export function checkRecord(value, id) {
  if (!isPlainObject(value)) return false;
  if (!Object.keys(value).every((key) => RECORD_KEYS.has(key))) return false;
  const { format, worksheet, version, updated, answers, entries, changed, retired, questions } = value;
  return (
    READABLE_FORMATS.has(format) &&
    typeof worksheet === "string" &&
    worksheet.length <= 100 &&
    ID.test(worksheet) &&
    (id === undefined || worksheet === id) &&
    Number.isInteger(version) &&
    version >= 1 &&
    (updated === null || isText(updated, 40)) &&
    isPlainObject(answers) &&
    keyCount(answers) <= MAX_KEYS &&
    (entries === undefined || checkEntries(entries)) &&
    (changed === undefined || checkChanged(changed)) &&
    (retired === undefined || checkRetired(retired)) &&
    (questions === undefined ||
      (isPlainObject(questions) && keyCount(questions) <= MAX_KEYS && Object.values(questions).every((q) => typeof q === "string")))
  );
}

/** JSON text as a value, refusing keys that could reach an object's prototype. */
export function parseJson(text) {
  return JSON.parse(text, (key, value) => {
    if (FORBIDDEN_KEYS.has(key)) throw new SyntaxError(`forbidden key ${key}`);
    return value;
  });
}

/** A stored record's text as a record of this format, or null when it cannot be trusted. */
export function parseRecord(text, id) {
  let value;
  try {
    value = parseJson(text);
  } catch {
    return null;
  }
  if (!checkRecord(value, id)) return null;
  return { ...value, format: RECORD_FORMAT };
}

export function emptyRecord(id, version) {
  return { format: RECORD_FORMAT, worksheet: id, version, updated: null, answers: {} };
}

// ---- Entry ids -------------------------------------------------------------------------

let counter = 0;

/** A new entry id, unique enough between a person's own tabs. */
export function newEntryId() {
  counter = (counter + 1) % 1296;
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${counter.toString(36)}`;
}

function groupIds(definition) {
  return definition.fields.filter((field) => field.type === "group").map((field) => field.id);
}

/** The record with an id for every entry of every group; ids that do not line up are made afresh. */
export function withEntryIds(record, definition) {
  const entries = {};
  for (const group of groupIds(definition)) {
    const list = own(record.answers, group);
    if (!Array.isArray(list) || !list.length) continue;
    const ids = own(record.entries || {}, group);
    const usable = Array.isArray(ids) && ids.length === list.length && new Set(ids).size === ids.length;
    entries[group] = usable ? [...ids] : list.map(() => newEntryId());
  }
  const fitted = { ...record };
  if (Object.keys(entries).length) fitted.entries = entries;
  else delete fitted.entries;
  return fitted;
}

// ---- When each answer changed -----------------------------------------------------------

/**
 * Every path a record holds an answer at, in the form merge.js reads `changed` by: "field",
 * "group/ENTRY-ID/field", "group/#order", and "#retired".
 */
export function answerPaths(record) {
  const paths = ["#retired"];
  for (const [key, value] of Object.entries(record.answers)) {
    const ids = own(record.entries || {}, key);
    if (!Array.isArray(value) || !Array.isArray(ids)) {
      paths.push(key);
      continue;
    }
    paths.push(`${key}/#order`);
    value.forEach((entry, index) => {
      for (const child of Object.keys(isPlainObject(entry) ? entry : {})) paths.push(`${key}/${ids[index]}/${child}`);
    });
  }
  return paths;
}

/**
 * The record as if every answer in it (and every answer of `also`) had changed at `time`: what a
 * restore or a clear stores, so that tabs already open take it rather than their older copy.
 */
export function stamped(record, time, also = []) {
  const changed = {};
  for (const path of [...answerPaths(record), ...also]) changed[path] = time;
  return { ...record, changed };
}

// ---- Fitting and writing -------------------------------------------------------------

/** {record, changed}: the record fitted to the worksheet as it is now, with entry ids. */
export function fit(record, definition) {
  const { record: migrated, changed } = migrate(record, definition);
  return { record: withEntryIds(migrated, definition), changed };
}

/**
 * Open a stored text for a worksheet: {record, changed} when it can be read (answers that no
 * longer fit are retired, see migrate.js), or {record: empty, unreadable: text} when it cannot,
 * so the caller keeps the text aside before anything is written under its key.
 */
export function openRecord(text, definition) {
  if (text === null || text === undefined) return { record: emptyRecord(definition.id, definition.version), changed: false };
  const parsed = parseRecord(text, definition.id);
  if (!parsed) return { record: emptyRecord(definition.id, definition.version), changed: false, unreadable: text };
  return fit(parsed, definition);
}

/** The wording of each answered question, kept in the record for the day a question goes. */
export function questionsFor(definition, answers) {
  const questions = {};
  for (const field of definition.fields) {
    const value = own(answers, field.id);
    if (isBlank(value)) continue;
    questions[field.id] = field.label;
    if (field.type === "group" && Array.isArray(value)) {
      for (const child of field.fields || []) questions[`${field.id}.${child.id}`] = child.label;
    }
  }
  return questions;
}

// Times of answers in entries that are gone are dropped; the rest are kept.
function keptTimes(record) {
  if (!record.changed) return {};
  const changed = {};
  for (const [path, time] of Object.entries(record.changed)) {
    const [group, entry, child] = path.split("/");
    if (child !== undefined && !(own(record.entries || {}, group) || []).includes(entry)) continue;
    changed[path] = time;
  }
  return { changed };
}

/** The text to store for a record saved now. */
export function recordText(record, definition, now = new Date()) {
  const fitted = withEntryIds(record, definition);
  const saved = {
    ...fitted,
    ...keptTimes(fitted),
    format: RECORD_FORMAT,
    version: definition.version,
    updated: now.toISOString(),
    questions: questionsFor(definition, record.answers),
  };
  return JSON.stringify(saved);
}
