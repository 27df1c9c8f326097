// Carry stored answers across changes to a worksheet: a renamed field takes its old
// answers, and answers that no longer fit any question (the field was removed, changed
// type, or lost the option chosen) move to `retired`, shown as "answers to questions no
// longer asked" until the person deletes them. Nothing is dropped. Pure: no DOM.

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.every((item) => (isPlainObject(item) ? Object.values(item).every(isEmpty) : isEmpty(item)));
  return false;
}

/** Any stored value as plain text: lists joined, an entry's answers in a row. */
export function valueText(value) {
  if (!Array.isArray(value)) return String(value);
  return value
    .map((item) => (isPlainObject(item) ? Object.values(item).filter((v) => !isEmpty(v)).map(valueText).join(", ") : String(item)))
    .join("; ");
}

const TEXT = new Set(["short_text", "long_text", "date"]);
const LISTS = new Set(["multiple_choice", "checklist"]);

function optionValues(field) {
  return new Set((field.options || []).map(([value]) => value));
}

// Does a stored value fit this field as it is now?
function fits(field, value) {
  if (value === null) return field.type !== "group";
  if (TEXT.has(field.type)) return typeof value === "string";
  if (field.type === "scale") return typeof value === "number";
  if (field.type === "single_choice") return typeof value === "string" && optionValues(field).has(value);
  if (LISTS.has(field.type)) {
    const known = optionValues(field);
    return Array.isArray(value) && value.every((item) => typeof item === "string" && known.has(item));
  }
  if (field.type === "group") return Array.isArray(value) && value.every(isPlainObject);
  return false;
}

/** The wording of each answered question, kept in the record for the day a question goes. */
export function questionsFor(definition, answers) {
  const questions = {};
  for (const field of definition.fields) {
    const value = answers[field.id];
    if (isEmpty(value)) continue;
    questions[field.id] = field.label;
    if (field.type === "group" && Array.isArray(value)) {
      for (const child of field.fields || []) questions[`${field.id}.${child.id}`] = child.label;
    }
  }
  return questions;
}

class Carrier {
  constructor(record) {
    this.retired = { ...(record.retired || {}) };
    this.questions = record.questions || {};
    this.changed = false;
  }

  retire(key, question, value) {
    if (isEmpty(value)) {
      this.changed = true; // an empty answer to a gone question: nothing to keep
      return;
    }
    let free = key;
    for (let n = 2; free in this.retired; n++) free = `${key}~${n}`;
    this.retired[free] = { question, value };
    this.changed = true;
  }

  // Answers saved under a field's old ids move to it; where both hold something, the old one retires.
  // `names` says how to name things at this level: {retired(id), question(id), context}.
  rename(answers, fields, names) {
    const current = new Set(fields.map((field) => field.id));
    for (const field of fields) {
      for (const old of field.renamed_from || []) {
        if (!(old in answers) || current.has(old)) continue;
        if (isEmpty(answers[field.id])) answers[field.id] = answers[old];
        else this.retire(names.retired(old), names.context + (this.questions[names.question(old)] || field.label), answers[old]);
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
      const question = names.context + (this.questions[names.question(key)] || (field ? field.label : key));
      if (field && !fits(field, value) && LISTS.has(field.type) && Array.isArray(value)) {
        const known = optionValues(field);
        answers[key] = value.filter((item) => known.has(item));
        this.retire(names.retired(key), question, value.filter((item) => !known.has(item)).map(String));
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
    const found = (field.gathers || []).filter((id) => id in answers);
    const earlier = answers[field.id];
    // Something unreadable already under the group's id: leave everything to the steps that keep it aside.
    if (field.type !== "group" || !found.length || (earlier != null && !Array.isArray(earlier))) continue;
    const entry = {};
    for (const id of found) {
      const child = (field.fields || []).find((c) => c.id === id || (c.renamed_from || []).includes(id));
      if (!isEmpty(answers[id])) entry[child ? child.id : id] = answers[id];
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
    if (field.type !== "group" || !Array.isArray(answers[field.id])) continue;
    const children = field.fields || [];
    answers[field.id] = answers[field.id].map((entry, index) => {
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
