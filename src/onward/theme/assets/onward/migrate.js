// Carry stored answers across changes to a worksheet: a renamed field takes its old
// answers, and answers the form cannot show (the field was removed or changed type, the
// option chosen is gone, a number is off the scale, a date is not a date) move to
// `retired`, shown as answers kept aside, with their question, until the person deletes
// them. Nothing is dropped. Pure: no DOM. Every key is looked up as the object's own.

import { isBlank, isPlainObject, own } from "./values.js";

const TEXT = new Set(["short_text", "long_text", "date"]);
const LISTS = new Set(["multiple_choice", "checklist"]);

function optionValues(field) {
  return new Set((field.options || []).map(([value]) => value));
}

// A date as the browser's date input holds it: YYYY-MM-DD (a year of up to six digits), a real day.
const DATE = /^(\d{4,6})-(\d{2})-(\d{2})$/;

function isDate(text) {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 29 for February: leap years checked below
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : days);
}

function onScale(field, value) {
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  const step = field.step ?? 1;
  return Number.isFinite(value) && value >= min && value <= max && (!Number.isFinite(min) || (value - min) % step === 0);
}

/** Does a stored value fit this field as it is now, so that the form can show it? */
export function fits(field, value) {
  if (value === null) return field.type !== "group";
  if (field.type === "date") return typeof value === "string" && (value === "" || isDate(value));
  if (TEXT.has(field.type)) return typeof value === "string";
  if (field.type === "scale") return typeof value === "number" && onScale(field, value);
  if (field.type === "single_choice") return typeof value === "string" && optionValues(field).has(value);
  if (LISTS.has(field.type)) {
    const known = optionValues(field);
    return Array.isArray(value) && value.every((item) => typeof item === "string" && known.has(item));
  }
  if (field.type === "group") return Array.isArray(value) && value.every(isPlainObject);
  return false;
}

class Carrier {
  constructor(record) {
    this.retired = { ...(record.retired || {}) };
    this.questions = isPlainObject(record.questions) ? record.questions : {};
    this.changed = false;
  }

  // The question as it was asked when the answer was saved, else as it is asked now.
  question(key, fallback) {
    const asked = own(this.questions, key);
    return typeof asked === "string" && asked ? asked : fallback;
  }

  retire(key, question, value) {
    if (isBlank(value)) {
      this.changed = true; // an empty answer to a gone question: nothing to keep
      return;
    }
    let free = key;
    for (let n = 2; Object.hasOwn(this.retired, free); n++) free = `${key}~${n}`;
    this.retired[free] = { question, value };
    this.changed = true;
  }

  // Answers saved under a field's old ids move to it; where both hold something, the old one retires.
  // `names` says how to name things at this level: {retired(id), question(id), context}.
  rename(answers, fields, names) {
    const current = new Set(fields.map((field) => field.id));
    for (const field of fields) {
      for (const old of field.renamed_from || []) {
        if (!Object.hasOwn(answers, old) || current.has(old)) continue;
        if (isBlank(own(answers, field.id))) answers[field.id] = answers[old];
        else this.retire(names.retired(old), names.context + this.question(names.question(old), field.label), answers[old]);
        delete answers[old];
        this.changed = true;
      }
    }
  }

  // Keep what fits; retire the rest (chosen options that are gone retire on their own).
  sort(answers, fields, names) {
    const byId = new Map(fields.map((field) => [field.id, field]));
    for (const [key, value] of Object.entries(answers)) {
      const field = byId.get(key);
      const question = names.context + this.question(names.question(key), field ? field.label : key);
      if (field && !fits(field, value) && LISTS.has(field.type) && Array.isArray(value)) {
        const known = optionValues(field);
        answers[key] = value.filter((item) => typeof item === "string" && known.has(item));
        this.retire(names.retired(key), question, value.filter((item) => !(typeof item === "string" && known.has(item))));
      } else if (field && field.type === "group" && Array.isArray(value) && !fits(field, value)) {
        // Entries the form can show stay; anything else in the list is kept aside on its own.
        answers[key] = value.filter(isPlainObject);
        value.forEach((item, index) => isPlainObject(item) || this.retire(`${names.retired(key)}.${index + 1}`, question, item));
      } else if (!field || !fits(field, value)) {
        this.retire(names.retired(key), question, value);
        delete answers[key];
      }
    }
  }
}

/**
 * The record with answers an earlier version saved at the top level, under ids a group now
 * `gathers` (a question that became repeatable), made into that group's first entry: each goes
 * under the child with the same id or whose `renamed_from` lists it, and entries already there
 * follow it. Only an earlier version can hold such answers, so the version change marks the record
 * as changed. The same record comes back when there is nothing to gather.
 */
export function gather(record, definition) {
  const answers = { ...record.answers };
  let changed = false;
  for (const field of definition.fields) {
    const found = (field.gathers || []).filter((id) => Object.hasOwn(answers, id));
    const earlier = answers[field.id];
    // Something unreadable already under the group's id: leave everything to the steps that keep it aside.
    if (field.type !== "group" || !found.length || (earlier != null && !Array.isArray(earlier))) continue;
    const entry = {};
    for (const id of found) {
      const child = (field.fields || []).find((c) => c.id === id || (c.renamed_from || []).includes(id));
      if (!isBlank(answers[id])) entry[child ? child.id : id] = answers[id];
      delete answers[id];
    }
    if (Object.keys(entry).length) answers[field.id] = [entry, ...(earlier || [])];
    changed = true;
  }
  return changed ? { ...record, answers } : record;
}

/** {record, changed}: the record fitted to the worksheet's current definition. */
export function migrate(record, definition) {
  record = gather(record, definition);
  const carrier = new Carrier(record);
  const answers = { ...record.answers };
  const top = { retired: (id) => id, question: (id) => id, context: "" };
  carrier.rename(answers, definition.fields, top);
  carrier.sort(answers, definition.fields, top);
  for (const field of definition.fields) {
    const entries = own(answers, field.id);
    if (field.type !== "group" || !Array.isArray(entries)) continue;
    const children = field.fields || [];
    answers[field.id] = entries.map((entry, index) => {
      const copy = { ...entry };
      const names = {
        retired: (id) => `${field.id}.${index + 1}.${id}`,
        question: (id) => `${field.id}.${id}`,
        context: `${field.item_label || field.label} ${index + 1}: `,
      };
      carrier.rename(copy, children, names);
      carrier.sort(copy, children, names);
      return copy;
    });
  }
  const migrated = { ...record, answers, version: definition.version };
  if (Object.keys(carrier.retired).length) migrated.retired = carrier.retired;
  else delete migrated.retired;
  return { record: migrated, changed: carrier.changed || record.version !== definition.version };
}
