// What the "Your answers" page works from: its own words, the site's worksheets, and the
// answers held here fitted to them (shared by the summary, the document download and restore).

import { describe, describeUnknown } from "./answers-text.js";
import { heldRecords } from "./backup-file.js";
import { fit } from "./record.js";

/** The page's words for `name` (they come from the template, so they can be translated). */
export function message(name) {
  const source = document.querySelector(`[data-onward-message="${name}"]`);
  return source ? source.textContent : "";
}

/** Every worksheet this site has, by id, in the site's order: {id, title, version, fields, href}. */
export function definitions() {
  const list = JSON.parse(document.querySelector("[data-onward-definitions]").dataset.onwardDefinitions);
  return new Map(list.map((sheet) => [sheet.id, sheet]));
}

/**
 * Held answers ready to show or export, in the site's order, then worksheets this site
 * does not know: [{id, title, updated, record, rows, retired, known}].
 */
export function answerSheets(only = null) {
  const known = definitions();
  const held = heldRecords();
  const order = [...known.keys(), ...[...held.keys()].filter((id) => !known.has(id)).sort()];
  const sheets = [];
  for (const id of order) {
    if (!held.has(id) || (only && !only.has(id))) continue;
    const definition = known.get(id);
    const record = definition ? fit(held.get(id), definition).record : held.get(id);
    const text = definition ? describe(record, definition) : describeUnknown(record);
    if (!text.rows.length && !text.retired.length) continue;
    const title = definition ? definition.title : `${id} ${message("unknown-worksheet")}`;
    const updated = record.updated ? new Date(record.updated).toLocaleDateString(document.documentElement.lang || undefined) : "";
    sheets.push({ id, title, updated, record, known: Boolean(definition), ...text });
  }
  return sheets;
}
