// Answers as words: each question with its answer, for the adviser summary (built as
// DOM nodes elsewhere) and the Markdown download. Pure: no DOM, no markup from answers.

import { isEmpty, valueText } from "./migrate.js";

function optionLabel(field, value) {
  const found = (field.options || []).find(([option]) => option === value);
  return found ? found[1] : String(value);
}

function answerText(field, value) {
  if (Array.isArray(value)) return value.map((item) => optionLabel(field, item)).join("; ");
  if (field.type === "single_choice") return optionLabel(field, value);
  return String(value);
}

/**
 * The answered questions of one worksheet, in the order it asks them:
 * [{question, text}] or, for a group, [{question, entries: [{heading, rows: [{question, text}]}]}].
 * `retired` lists the answers to questions no longer asked: [{question, text}].
 */
export function describe(record, definition) {
  const rows = [];
  for (const field of definition.fields) {
    const value = record.answers[field.id];
    if (isEmpty(value)) continue;
    if (field.type === "group") {
      const entries = value
        .map((entry, index) => ({
          heading: `${field.item_label || field.label} ${index + 1}`,
          rows: (field.fields || [])
            .filter((child) => !isEmpty(entry[child.id]))
            .map((child) => ({ question: child.label, text: answerText(child, entry[child.id]) })),
        }))
        .filter((entry) => entry.rows.length);
      rows.push({ question: field.label, entries });
    } else {
      rows.push({ question: field.label, text: answerText(field, value) });
    }
  }
  const retired = Object.values(record.retired || {}).map((item) => ({ question: item.question, text: valueText(item.value) }));
  return { rows, retired };
}

/** A worksheet id that this site does not know: its answers as they are, keyed by field id. */
export function describeUnknown(record) {
  const rows = Object.entries(record.answers)
    .filter(([, value]) => !isEmpty(value))
    .map(([key, value]) => ({ question: (record.questions || {})[key] || key, text: valueText(value) }));
  const retired = Object.values(record.retired || {}).map((item) => ({ question: item.question, text: valueText(item.value) }));
  return { rows, retired };
}

// Answers are the person's own words: keep them, but stop a line from turning into a
// heading, list or quote when the file is viewed as Markdown.
function escapeLine(text) {
  return text.replace(/^(\s*)([#>*+-]|\d+[.)])/, "$1\\$2");
}

function block(text) {
  return String(text).split("\n").map(escapeLine).join("  \n");
}

/**
 * One Markdown document: sheets is [{title, updated, rows, retired}], labels the
 * interface words ({heading, updated, retired, intro}).
 */
export function toMarkdown(sheets, labels) {
  const lines = [`# ${labels.heading}`, "", labels.intro, ""];
  for (const sheet of sheets) {
    lines.push(`## ${block(sheet.title)}`, "");
    if (sheet.updated) lines.push(`*${labels.updated} ${sheet.updated}*`, "");
    for (const row of sheet.rows) {
      lines.push(`### ${block(row.question)}`, "");
      if (row.entries) {
        for (const entry of row.entries) {
          lines.push(`#### ${block(entry.heading)}`, "");
          for (const item of entry.rows) lines.push(`**${block(item.question)}**  `, block(item.text), "");
        }
      } else {
        lines.push(block(row.text), "");
      }
    }
    if (sheet.retired.length) {
      lines.push(`### ${labels.retired}`, "");
      for (const item of sheet.retired) lines.push(`**${block(item.question)}**  `, block(item.text), "");
    }
  }
  return lines.join("\n");
}
