// Property-based tests of the browser's record model (record.js, merge.js, backup-format.js,
// answers-text.js), with fast-check. Usage: node record_properties.mjs DEFINITIONS.json RUNS
// where DEFINITIONS.json is the list of every worksheet's definition (Worksheet.definition()).
// Prints one line per property; exits non-zero with the smallest failing case.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.join(here, "..", "..", "src", "onward", "theme", "assets", "onward");
const load = (name) => import(path.join(assets, name));
const record = await load("record.js");
const { mergeRecords, same } = await load("merge.js");
const backups = await load("backup-format.js");
const { validateRecord } = await load("backup-schema.js");
const { describe } = await load("answers-text.js");

const [definitionsPath, runsText] = process.argv.slice(2);
const definitions = JSON.parse(await readFile(definitionsPath, "utf8"));
const numRuns = Number(runsText || 200);
const settings = { numRuns, seed: 20261201 };

// ---- What the form can produce ----------------------------------------------------------

const typedText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", "   ", "<b>bold</b>", "[x](javascript:alert(1))", "toString", "line one\nline two", "🌱 café"),
);

function dateText() {
  return fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
}

function valueFor(field) {
  const options = (field.options || []).map(([value]) => value);
  switch (field.type) {
    case "short_text":
    case "long_text":
      return typedText;
    case "date":
      return fc.oneof(fc.constant(""), dateText());
    case "single_choice":
      return fc.oneof(fc.constant(null), fc.constantFrom(...options));
    case "multiple_choice":
    case "checklist":
      return fc.subarray(options);
    case "scale": {
      const points = [];
      for (let value = field.min; value <= field.max; value += field.step) points.push(value);
      return fc.oneof(fc.constant(null), fc.constantFrom(...points));
    }
    case "group":
      return fc.array(answersFor(field.fields || []), { maxLength: 4 });
    default:
      throw new Error(`no arbitrary for ${field.type}`);
  }
}

function answersFor(fields) {
  const shape = {};
  for (const field of fields) shape[field.id] = valueFor(field);
  return fc.record(shape, { requiredKeys: [] });
}

function formRecord(definition) {
  return answersFor(definition.fields).map((answers) =>
    record.withEntryIds({ format: 2, worksheet: definition.id, version: definition.version, updated: null, answers }, definition),
  );
}

const anyDefinition = fc.constantFrom(...definitions);

// ---- Near misses: a record the form wrote, then changed by hand, an old version or a bug ----

const anyJson = fc.jsonValue({ maxDepth: 3 });
const oddValue = fc.oneof(
  anyJson,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("31/12/2026", "2026-02-30", "2026-13-01", "20261201", "yes", "toString", true, false, {}, [], [{}], [1, "a"]),
);

// A change to one part of a record: [place, value], or [place] to take the part out.
const change = fc.oneof(
  fc.tuple(fc.constantFrom("format", "worksheet", "version", "updated", "answers", "entries", "retired", "questions", "extra"), anyJson),
  fc.tuple(fc.constantFrom("format", "worksheet", "version", "updated", "answers")),
  fc.tuple(fc.constant("version"), fc.integer({ min: -2, max: 3 })),
  fc.tuple(fc.constant("updated"), fc.string({ minLength: 38, maxLength: 42 })),
);

function applyChange(value, [place, replacement]) {
  const copy = structuredClone(value);
  if (replacement === undefined) delete copy[place];
  else copy[place] = replacement;
  return copy;
}

// Answers whose values are anything at all, under the worksheet's own ids and others.
function oddAnswers(definition) {
  const ids = [...definition.fields.map((field) => field.id), "toString", "old-question"];
  return fc.dictionary(fc.constantFrom(...ids), oddValue, { maxKeys: 6 });
}

function nearMiss(definition) {
  return fc.tuple(formRecord(definition), fc.array(change, { maxLength: 2 })).map(([written, changes]) => changes.reduce(applyChange, written));
}

const anyNearMiss = anyDefinition.chain((definition) => fc.tuple(fc.constant(definition), nearMiss(definition)));

function leaves(value, into = []) {
  if (Array.isArray(value)) value.forEach((item) => leaves(item, into));
  else if (record.isPlainObject(value)) Object.values(value).forEach((item) => leaves(item, into));
  else if (!record.isBlank(value)) into.push(JSON.stringify(value));
  return into;
}

// What the form can show, worked out here independently of migrate.js.
function canShow(field, value) {
  const options = (field.options || []).map(([option]) => option);
  switch (field.type) {
    case "short_text":
    case "long_text":
      return value === null || typeof value === "string";
    case "date":
      return value === null || value === "" || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));
    case "scale":
      return value === null || (Number.isInteger((value - field.min) / field.step) && value >= field.min && value <= field.max);
    case "single_choice":
      return value === null || options.includes(value);
    case "multiple_choice":
    case "checklist":
      return value === null || (Array.isArray(value) && value.every((item) => options.includes(item)));
    case "group":
      return Array.isArray(value) && value.every((entry) => record.isPlainObject(entry) && showable(entry, field.fields || []));
    default:
      return false;
  }
}

// Every answer left in the record is one the form can show (the rest went to `retired`).
function showable(answers, fields) {
  return Object.entries(answers).every(([key, value]) => {
    const field = fields.find((f) => f.id === key);
    return Boolean(field) && canShow(field, value);
  });
}

function check(name, property) {
  fc.assert(property, settings);
  console.log(`ok ${name}`);
}

// The hand-written outline check and the compiled schema give one verdict.
check(
  "the record reader and the schema agree",
  fc.property(anyNearMiss, fc.boolean(), ([definition, value], named) => {
    const id = named ? definition.id : undefined;
    const schema = validateRecord(value) && (id === undefined || value.worksheet === id);
    return record.checkRecord(value, id) === schema;
  }),
);

// Any record the form can write is listed, backed up, restored and shown again, byte for byte.
check(
  "a record the form writes survives a backup and a restore exactly",
  fc.property(anyDefinition.chain((definition) => fc.tuple(fc.constant(definition), formRecord(definition))), ([definition, written]) => {
    const text = record.recordText(written, definition, new Date("2026-12-01T10:00:00Z"));
    const opened = record.openRecord(text, definition);
    if (opened.unreadable !== undefined || opened.changed || opened.record.retired) return false;
    if (text !== JSON.stringify(opened.record)) return false;
    const file = JSON.stringify(backups.makeBackup([[definition.id, opened.record]], { namespace: "n", name: "Onward" }));
    const restored = backups.toRecord(definition.id, backups.readBackup(file, file.length).worksheets[definition.id]);
    if (JSON.stringify(restored) !== text) return false;
    // Listed: every answered question has a row.
    const { rows } = describe(opened.record, definition);
    const answered = definition.fields.filter((field) => !record.isBlank(opened.record.answers[field.id]));
    return rows.length === answered.length;
  }),
);

// Any readable record keeps every answer: in the form, or kept aside with its question.
check(
  "nothing in a readable record is dropped when it is fitted to a worksheet",
  fc.property(anyDefinition.chain((d) => fc.tuple(fc.constant(d), nearMiss(d), oddAnswers(d), fc.boolean())), ([definition, value, odd, oddOnly]) => {
    const text = JSON.stringify({ ...value, answers: oddOnly ? odd : { ...value.answers, ...odd } });
    const opened = record.openRecord(text, definition);
    if (opened.unreadable !== undefined) return opened.unreadable === text; // kept aside whole, exactly
    const before = leaves(JSON.parse(text).answers).sort();
    const after = leaves([opened.record.answers, Object.values(opened.record.retired || {}).map((item) => item.value)]);
    const remaining = [...after];
    const kept = before.every((leaf) => {
      const at = remaining.indexOf(leaf);
      if (at >= 0) remaining.splice(at, 1);
      return at >= 0;
    });
    return kept && showable(opened.record.answers, definition.fields);
  }),
);

// Two tabs: an unsaved edit here is never lost, and everything the other tab changed arrives.
check(
  "merging keeps this tab's edits and takes the other tab's",
  fc.property(
    anyDefinition.chain((definition) =>
      fc.tuple(fc.constant(definition), formRecord(definition), formRecord(definition), formRecord(definition)),
    ),
    ([definition, base, mine, theirs]) => {
      const flat = definition.fields.filter((field) => field.type !== "group").map((field) => field.id);
      const edited = new Set(flat.filter((id) => !same(mine.answers[id], base.answers[id])));
      const local = { ...base, answers: { ...base.answers } };
      for (const id of edited) local.answers[id] = mine.answers[id];
      for (const id of edited) theirs.answers[id] = base.answers[id]; // the other tab left these alone
      const { record: merged, conflicts } = mergeRecords(base, local, theirs, edited, definition);
      return (
        conflicts.length === 0 &&
        flat.every((id) => same(merged.answers[id], edited.has(id) ? local.answers[id] : theirs.answers[id]))
      );
    },
  ),
);

// Two tabs on a list of entries: each adds one, the other tab removes one and edits another,
// this tab types in one: all of it is in the merge, in a sensible order.
const withGroups = definitions.filter((definition) => definition.fields.some((field) => field.type === "group"));
check(
  "merging entries keeps both tabs' new entries, edits and removals",
  fc.property(
    fc.constantFrom(...withGroups).chain((definition) => {
      const group = definition.fields.find((field) => field.type === "group");
      const child = group.fields.find((field) => field.type === "short_text" || field.type === "long_text");
      return fc.tuple(
        fc.constant(definition),
        fc.constant(group),
        fc.constant(child),
        fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 3, maxLength: 5 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ minLength: 1, maxLength: 8 }),
      );
    }),
    ([definition, group, child, texts, mine, theirs]) => {
      const ids = texts.map((_, index) => `e${index}`);
      const base = {
        format: 2, worksheet: definition.id, version: definition.version, updated: null,
        answers: { [group.id]: texts.map((text) => ({ [child.id]: text })) }, entries: { [group.id]: ids },
      };
      base.changed = { [`${group.id}/#order`]: 1 };
      const local = structuredClone(base);
      local.answers[group.id][0][child.id] = `${mine}!`; // typing in the first entry
      local.entries[group.id].push("here");
      local.answers[group.id].push({ [child.id]: "new here" });
      const edited = new Set([`${group.id}/e0/${child.id}`, `${group.id}/here/${child.id}`, `${group.id}/#order`]);
      for (const path of edited) local.changed[path] = 3;
      const remote = structuredClone(base);
      remote.entries[group.id].splice(2, 1); // removes the third entry
      remote.answers[group.id].splice(2, 1);
      remote.answers[group.id][1][child.id] = `${theirs}?`; // edits the second
      remote.entries[group.id].push("there");
      remote.answers[group.id].push({ [child.id]: "new there" });
      Object.assign(remote.changed, { [`${group.id}/#order`]: 2, [`${group.id}/e1/${child.id}`]: 2, [`${group.id}/there/${child.id}`]: 2 });
      const { record: merged, conflicts } = mergeRecords(base, local, remote, edited, definition);
      const order = merged.entries[group.id];
      const text = (id) => merged.answers[group.id][order.indexOf(id)][child.id];
      return (
        conflicts.length === 0 &&
        !order.includes("e2") &&
        order.includes("here") && order.includes("there") &&
        text("e0") === `${mine}!` && text("e1") === `${theirs}?` &&
        text("here") === "new here" && text("there") === "new there" &&
        order.length === merged.answers[group.id].length && order.length === texts.length + 1
      );
    },
  ),
);

// Saves that cross: the other tab stored its copy before this tab's newer answers reached it.
// The older copy never replaces a newer answer, and this tab is told to store the merge.
check(
  "a copy stored before a newer answer arrived never erases it",
  fc.property(
    anyDefinition.chain((definition) => fc.tuple(fc.constant(definition), formRecord(definition), formRecord(definition))),
    ([definition, seen, older]) => {
      const flat = definition.fields.filter((field) => field.type !== "group").map((field) => field.id);
      const base = { ...seen, changed: Object.fromEntries(flat.map((id) => [id, 10])) };
      const remote = { ...older, entries: seen.entries, answers: { ...older.answers }, changed: Object.fromEntries(flat.map((id) => [id, 5])) };
      for (const field of definition.fields) {
        if (field.type !== "group") continue;
        if (seen.answers[field.id] === undefined) delete remote.answers[field.id];
        else remote.answers[field.id] = seen.answers[field.id];
      }
      const { record: merged, stale } = mergeRecords(base, structuredClone(base), remote, new Set(), definition);
      const kept = flat.every((id) => same(merged.answers[id], base.answers[id]));
      const differs = flat.some((id) => !same(base.answers[id], remote.answers[id]));
      return kept && stale === differs;
    },
  ),
);
