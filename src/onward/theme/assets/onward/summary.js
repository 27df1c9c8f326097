// The adviser summary: the answers (and, if wanted, the insights) of the worksheets the
// person picks, shown on the page and laid out for paper by the print stylesheet (while
// a summary is showing, the page prints it alone: see worksheets.css).

import { answerSheets, message } from "./answer-sheets.js";
import { element } from "./dom.js";

const insightsModule = new URL("./insights.js", import.meta.url).href;

function answerList(rows) {
  const list = element("dl", undefined, "onward-summary__answers");
  for (const row of rows) list.append(element("dt", row.question), element("dd", row.text));
  return list;
}

function sheetSection(sheet) {
  const section = element("section", undefined, "onward-summary__sheet");
  section.append(element("h3", sheet.title));
  if (sheet.updated) section.append(element("p", `${message("updated")} ${sheet.updated}`, "onward-summary__meta"));
  const plain = [];
  const flush = () => {
    if (plain.length) section.append(answerList(plain.splice(0)));
  };
  for (const row of sheet.rows) {
    if (!row.entries) {
      plain.push(row);
      continue;
    }
    flush();
    section.append(element("h4", row.question));
    for (const entry of row.entries) section.append(element("h5", entry.heading), answerList(entry.rows));
  }
  flush();
  if (sheet.retired.length) section.append(element("h4", message("retired")), answerList(sheet.retired));
  return section;
}

async function insightsFor(root, sheet) {
  const module = await import(insightsModule);
  const nodes = await module.summarise(root, sheet.id, sheet.record.answers);
  const box = element("div", undefined, "onward-summary__insights");
  box.append(element("h4", message("summary-insights")), ...nodes);
  return box;
}

export function bindSummary(root) {
  const tools = root.querySelector("[data-onward-summary-tools]");
  const choices = root.querySelector("[data-onward-summary-choices]");
  const status = root.querySelector("[data-onward-summary-status]");
  const output = root.querySelector("[data-onward-summary]");
  const printButton = root.querySelector("[data-onward-summary-print]");
  const wanted = new URL(document.location.href).searchParams.get("worksheet");
  const insightsAvailable = Boolean(document.querySelector('meta[name="onward-insights"]'));
  const withInsights = root.querySelector("[data-onward-summary-with-insights]");
  withInsights.closest(".onward-choice").hidden = !insightsAvailable;

  function refresh() {
    const picked = new Set([...choices.querySelectorAll("input:checked")].map((input) => input.value));
    const fresh = !choices.children.length;
    const rows = answerSheets().map((sheet) => {
      const row = element("div", undefined, "onward-choice");
      const input = element("input", undefined, "onward-choice__input");
      input.type = "checkbox";
      input.id = `onward-summary-${sheet.id}`;
      input.value = sheet.id;
      input.checked = fresh ? !wanted || wanted === sheet.id : picked.has(sheet.id);
      const label = element("label", sheet.title, "onward-choice__label");
      label.htmlFor = input.id;
      row.append(input, label);
      return row;
    });
    choices.replaceChildren(...rows);
    tools.hidden = rows.length === 0;
  }

  async function show() {
    const picked = new Set([...choices.querySelectorAll("input:checked")].map((input) => input.value));
    if (!picked.size) {
      status.textContent = message("summary-none");
      return;
    }
    status.textContent = message("summary-working");
    const sheets = answerSheets(picked);
    const sections = sheets.map(sheetSection);
    let insightsFailed = false;
    if (insightsAvailable && withInsights.checked) {
      for (const [index, sheet] of sheets.entries()) {
        if (!sheet.known || insightsFailed) continue; // once they cannot start, the rest need not wait
        try {
          sections[index].append(await insightsFor(root, sheet));
        } catch {
          insightsFailed = true;
        }
      }
    }
    const title = output.querySelector("[data-onward-summary-title]");
    title.textContent = message("summary-heading");
    output.querySelector("[data-onward-summary-body]").replaceChildren(...sections);
    output.hidden = false;
    printButton.hidden = false;
    status.textContent = message(insightsFailed ? "summary-insights-failed" : "summary-ready");
    title.focus();
  }

  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button && button.matches("[data-onward-summary-show]")) show();
    else if (button && button.matches("[data-onward-summary-print]")) window.print();
  });
  return { refresh };
}
