// Two tabs, one worksheet: fold the record another tab just stored into this tab's, answer
// by answer and entry by entry, so that neither tab's typing is lost. Pure: no DOM.
//
// Paths name what a tab changed since it last saw the stored record: "field" for a question,
// "group/ENTRY-ID/field" for a question in an entry, "group/#order" when entries were added,
// removed or moved, and "#retired" when the answers kept aside were deleted.

import { isPlainObject, own } from "./values.js";

/** The same value, whatever order an object's keys were written in. */
export function same(a, b) {
  return canonical(a) === canonical(b);
}

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function idsOf(record, group) {
  const ids = own(record.entries || {}, group);
  return Array.isArray(ids) ? ids : [];
}

function entriesOf(record, group) {
  const ids = idsOf(record, group);
  const values = own(record.answers, group);
  const byId = new Map();
  ids.forEach((id, index) => byId.set(id, Array.isArray(values) && isPlainObject(values[index]) ? values[index] : {}));
  return byId;
}

// Put `id` just after the nearest id before it in `sequence` that `order` already holds.
function placeAfterPredecessor(order, id, sequence) {
  for (let index = sequence.indexOf(id) - 1; index >= 0; index--) {
    const at = order.indexOf(sequence[index]);
    if (at >= 0) {
      order.splice(at + 1, 0, id);
      return;
    }
  }
  order.unshift(id);
}

/** When a path was last changed in a record (milliseconds; 0 when it never was). */
function timeOf(record, path) {
  const time = own(record.changed || {}, path);
  return Number.isFinite(time) ? time : 0;
}

/**
 * Merge `remote` (another tab's stored record) into `local` (this tab's record: `base`, the
 * stored record it last saw, plus the unsaved edits named by the paths in `edited`).
 *
 * Each record says when each answer was last changed (`changed`, by path), because two tabs'
 * saves can cross: the other tab may store its copy before this tab's newer answer reached
 * it. So the other tab's answer is taken only where it changed after the one this tab saw;
 * an older one never replaces a newer one. Where a path was edited here and also changed
 * there, this tab's answer stays and the other's comes back in `conflicts`
 * ([{path, field, value}]) to be kept aside. `stale` says the stored record lacks something
 * newer that this tab holds (so this tab should store the merge). Returns {record, conflicts, stale}.
 */
export function mergeRecords(base, local, remote, edited, definition) {
  const conflicts = [];
  const answers = {};
  const entries = {};
  const changedThere = (path) => timeOf(remote, path) > timeOf(base, path);
  const keep = (path, field, mine, theirs) => {
    if (edited.has(path)) {
      if (changedThere(path) && !same(theirs, mine)) conflicts.push({ path, field, value: theirs });
      return mine;
    }
    return timeOf(remote, path) >= timeOf(local, path) ? theirs : mine;
  };

  for (const field of definition.fields) {
    const key = field.id;
    if (field.type !== "group") {
      const value = keep(key, field, own(local.answers, key), own(remote.answers, key));
      if (value !== undefined) answers[key] = value;
      continue;
    }
    const [before, mine, theirs] = [base, local, remote].map((record) => idsOf(record, key));
    const [localEntries, remoteEntries] = [local, remote].map((record) => entriesOf(record, key));
    const touched = (id) => [...edited].some((path) => path.startsWith(`${key}/${id}/`));
    const structure = `${key}/#order`;
    let order;
    if (edited.has(structure) || !changedThere(structure)) {
      // This tab's order stands (it added, removed or moved entries, or the other tab's order is
      // no newer than the one this tab saw); entries new there join it, removals there apply.
      order = mine.filter((id) => !changedThere(structure) || theirs.includes(id) || !before.includes(id) || touched(id));
      for (const id of theirs) if (!order.includes(id) && !(before.includes(id) && !mine.includes(id))) placeAfterPredecessor(order, id, theirs);
    } else {
      order = [...theirs];
      // An entry the other tab removed stays while this tab has unsaved typing in it.
      for (const id of mine) if (!order.includes(id) && (touched(id) || !before.includes(id))) placeAfterPredecessor(order, id, mine);
    }
    const values = order.map((id) => {
      const ours = localEntries.get(id);
      const other = remoteEntries.get(id);
      if (!other) return ours;
      if (!ours) return other;
      const merged = {};
      const children = new Map((field.fields || []).map((child) => [child.id, child]));
      for (const child of new Set([...Object.keys(ours), ...Object.keys(other)])) {
        const value = keep(`${key}/${id}/${child}`, children.get(child) || field, own(ours, child), own(other, child));
        if (value !== undefined) merged[child] = value;
      }
      return merged;
    });
    if (order.length || Object.hasOwn(remote.answers, key) || Object.hasOwn(local.answers, key)) answers[key] = values;
    if (order.length) entries[key] = order;
  }

  const record = { ...remote, answers };
  if (Object.keys(entries).length) record.entries = entries;
  else delete record.entries;
  const retiredHere = edited.has("#retired") || timeOf(local, "#retired") > timeOf(remote, "#retired");
  const retired = retiredHere ? { ...(local.retired || {}) } : { ...(remote.retired || {}) };
  if (!retiredHere) {
    // Answers this tab has just moved aside (a worksheet that changed under it) are kept too.
    for (const [key, item] of Object.entries(local.retired || {})) {
      if (!Object.hasOwn(base.retired || {}, key) && !Object.hasOwn(retired, key)) retired[key] = item;
    }
  }
  if (Object.keys(retired).length) record.retired = retired;
  else delete record.retired;
  const changed = { ...(local.changed || {}) };
  for (const [path, time] of Object.entries(remote.changed || {})) if (!(timeOf(local, path) >= time)) changed[path] = time;
  if (Object.keys(changed).length) record.changed = changed;
  else delete record.changed;
  const stale = ["answers", "entries", "retired"].some((part) => !same(record[part], remote[part]));
  return { record, conflicts, stale };
}
