// Answers as words: each question with its answer, for the adviser summary (built as
// DOM nodes elsewhere) and the Markdown download. Pure: no DOM, no markup from answers.

import { isBlank, own, valueText } from "./values.js";

function optionLabel(field, value) {
  const found = (field.options || []).find(([option]) => option === value);
  return found ? found[1] : valueText(value);
}

function answerText(field, value) {
  if (Array.isArray(value)) return value.map((item) => optionLabel(field, item)).join("; ");
  if (field.type === "single_choice") return optionLabel(field, value);
  return valueText(value);
}

function retiredRows(record) {
  return Object.values(record.retired || {}).map((item) => ({ question: item.question, text: valueText(item.value) }));
}

/**
 * The answered questions of one worksheet, in the order it asks them:
 * [{question, text}] or, for a group, [{question, entries: [{heading, rows: [{question, text}]}]}].
 * `retired` lists the answers kept aside: [{question, text}].
 */
export function describe(record, definition) {
  const rows = [];
  for (const field of definition.fields) {
    const value = own(record.answers, field.id);
    if (isBlank(value)) continue;
    if (field.type === "group") {
      const entries = value
        .map((entry, index) => ({
          heading: `${field.item_label || field.label} ${index + 1}`,
          rows: (field.fields || [])
            .filter((child) => !isBlank(own(entry, child.id)))
            .map((child) => ({ question: child.label, text: answerText(child, own(entry, child.id)) })),
        }))
        .filter((entry) => entry.rows.length);
      rows.push({ question: field.label, entries });
    } else {
      rows.push({ question: field.label, text: answerText(field, value) });
    }
  }
  return { rows, retired: retiredRows(record) };
}

/** A worksheet id that this site does not know: its answers as they are, keyed by field id. */
export function describeUnknown(record) {
  const rows = Object.entries(record.answers)
    .filter(([, value]) => !isBlank(value))
    .map(([key, value]) => {
      const asked = own(record.questions || {}, key);
      return { question: typeof asked === "string" && asked ? asked : key, text: valueText(value) };
    });
  return { rows, retired: retiredRows(record) };
}

// ---- Markdown that is only text ------------------------------------------------------------

// Every ASCII punctuation character may be escaped in CommonMark, and an escaped one is always
// the character itself: no emphasis, link, image, HTML, table, heading, list, quote or code.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

function escapeLine(line) {
  const escaped = line.replace(PUNCTUATION, "\\$&");
  // Spaces at either end would indent a code block or vanish: as character references they stay.
  return escaped.replace(/^[ \t]+|[ \t]+$/g, (run) => [...run].map((c) => (c === " " ? "&#32;" : "&#9;")).join(""));
}

/** Typed text as Markdown that shows exactly that text; each line break stays a line break. */
export function markdownText(text) {
  // A line ends in a backslash, a hard line break; an empty line is then a backslash alone, so
  // the paragraph goes on and the reader's blank lines stay blank lines. Line breaks at the
  // very end show nothing and cannot be written in Markdown, so they are left off.
  const lines = String(text).replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  return lines.map(escapeLine).join("\\\n");
}

// A heading holds one line: line breaks in its text become spaces.
function heading(level, text) {
  return `${"#".repeat(level)} ${markdownText(String(text).replace(/\s*[\r\n]+\s*/g, " "))}`;
}

/**
 * One Markdown document: sheets is [{title, updated, rows, retired}], labels the
 * interface words ({heading, updated, retired, intro}).
 */
export function toMarkdown(sheets, labels) {
  const lines = [heading(1, labels.heading), "", markdownText(labels.intro), ""];
  const answer = (question, text) => lines.push(`**${markdownText(question)}**\\`, markdownText(text), "");
  for (const sheet of sheets) {
    lines.push(heading(2, sheet.title), "");
    if (sheet.updated) lines.push(`*${markdownText(`${labels.updated} ${sheet.updated}`)}*`, "");
    for (const row of sheet.rows) {
      lines.push(heading(3, row.question), "");
      if (row.entries) {
        for (const entry of row.entries) {
          lines.push(heading(4, entry.heading), "");
          for (const item of entry.rows) answer(item.question, item.text);
        }
      } else {
        lines.push(markdownText(row.text), "");
      }
    }
    if (sheet.retired.length) {
      lines.push(heading(3, labels.retired), "");
      for (const item of sheet.retired) answer(item.question, item.text);
    }
  }
  return lines.join("\n");
}
