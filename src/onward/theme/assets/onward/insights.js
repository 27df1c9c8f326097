// Insights: sends a worksheet's answers to Python (Pyodide, in a module worker) and shows
// what comes back. Python returns plain structured data; everything here is built with
// DOM nodes and textContent, never from HTML strings.

import { element } from "./dom.js";
import { download, today } from "./download.js";
import { setPythonState } from "./python-start.js";

const here = import.meta.url;
const SVG = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "g", "rect", "line", "text", "title", "desc"]);
const SVG_ATTRIBUTES = new Set([
  "viewBox", "role", "aria-labelledby", "id", "class", "x", "y", "x1", "y1", "x2", "y2", "width",
  "height", "rx", "fill", "stroke", "stroke-width", "font-size", "text-anchor", "dominant-baseline", "transform",
]);
const LIVE_DELAY_MS = 600;
// A runtime that has not started by then is treated as one that cannot: a missing or
// wrongly served .wasm, a proxy that stalls it. A site can lengthen it on its meta tag.
const START_LIMIT_MS = 60_000;

let worker = null;
let failed = false; // until the reader asks again: then a new worker tries from the start
let ready = false;
let warmed = false; // a start in the background is tried once a page; a press always tries
let limitTimer = null;
let stage = null; // how far the start has come, to show a panel opened part way
let received = 0; // bytes of the runtime downloaded so far
let nextId = 1;
const waiting = new Map(); // request id -> {resolve, reject}
const panels = new Set(); // forms whose insights are showing, to update live and report stages

// Where the start has got to, as a share of the bar: downloading moves with the bytes, then
// each step of the start-up moves it on; within the longest step it creeps towards the next.
const STEP_SHARE = { "insights-fetching": [0, 55], "insights-preparing": [55, 90], "insights-loading": [90, 99] };
const CREEP_MS = 6_000;

function setup() {
  return document.querySelector('meta[name="onward-insights"]');
}

function message(form, name) {
  const source = form.querySelector(`.onward-insights__messages [data-onward-message="${name}"]`);
  return source ? source.textContent : "";
}

function runtimeBytes() {
  const bytes = Number(setup()?.dataset.runtimeBytes);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
}

// The bar beside the words: drawn only while Python starts, and only for the eye (the words in
// the status line say the same, so screen readers are not told every percent).
function shareDone() {
  const [from, to] = STEP_SHARE[stage] || [0, 0];
  if (stage === "insights-fetching") {
    const total = runtimeBytes();
    return total ? from + (to - from) * Math.min(1, received / total) : from;
  }
  const elapsed = performance.now() - stepStartedAt;
  return from + (to - from) * (1 - Math.exp(-elapsed / CREEP_MS));
}

let stepStartedAt = 0;
let meterTimer = null;

function drawMeters() {
  const starting = stage in STEP_SHARE && !ready && !failed;
  for (const form of panels) {
    const meter = form.isConnected && form.querySelector("[data-onward-insights-meter]");
    if (!meter) continue;
    meter.hidden = !starting;
    if (starting) meter.querySelector("progress").value = Math.round(shareDone());
  }
  clearTimeout(meterTimer);
  if (starting && panels.size) meterTimer = setTimeout(drawMeters, 200);
}

function showStageIn(form, name) {
  const progress = form.querySelector("[data-onward-insights-progress]");
  const panel = form.querySelector("[data-onward-insights]");
  if (!progress || !panel) return; // the adviser summary has no progress line
  progress.textContent = message(form, name);
  panel.classList.toggle("onward-insights--failed", name === "insights-failed");
}

function showStage(name) {
  for (const form of panels) if (form.isConnected) showStageIn(form, name);
  drawMeters();
}

function startingStage(name) {
  stage = name;
  stepStartedAt = performance.now();
  showStage(name);
}

function fail(reason) {
  failed = true;
  ready = false;
  clearTimeout(limitTimer);
  limitTimer = null;
  worker?.terminate();
  worker = null;
  stage = null;
  for (const { reject } of waiting.values()) reject(new Error(reason));
  waiting.clear();
  showStage("insights-failed");
  setPythonState("failed");
}

function startLimit() {
  const limit = Number(setup().dataset.startLimitMs);
  return Number.isFinite(limit) && limit > 0 ? limit : START_LIMIT_MS;
}

// Where this site keeps its prepared copy of Python (insights-worker.js), when it keeps its
// files on the device at all: each copy of Onward on a domain has its own.
function snapshotPlace(config) {
  if (config.dataset.keep !== "true") return null;
  const root = new URL("../../", here).href;
  const key = new URL(`assets/onward/python-snapshot?${new URL(config.content, here).search.slice(1)}`, root).href;
  return { cache: `onward-python-${root}`, key };
}

function record(timings) {
  // The start's steps in the page's own timeline, for anyone measuring where the seconds go.
  const offset = performance.timeOrigin;
  const steps = [["download and compile", "started", "compiled"], ["interpreter", "compiled", "interpreter"], ["insight code", "interpreter", "imported"]];
  for (const [name, from, to] of steps) {
    if (timings[from] && timings[to] && performance.measure) {
      performance.measure(`onward-start: ${name}`, { start: timings[from] - offset, end: timings[to] - offset, detail: timings.snapshot });
    }
  }
}

function startWorker() {
  if (worker) return worker;
  const config = setup();
  const pyodide = config.dataset.pyodide
    ? new URL(config.dataset.pyodide.replace(/\/?$/, "/"), document.baseURI).href
    : new URL("../pyodide/", here).href;
  try {
    worker = new Worker(new URL("./insights-worker.js", here), { type: "module" });
  } catch (error) {
    fail(String(error));
    return null;
  }
  failed = false;
  ready = false;
  received = 0;
  setPythonState("starting");
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      received = data.received;
      return;
    }
    if (data.type === "ready") {
      ready = true;
      stage = null;
      clearTimeout(limitTimer);
      limitTimer = null;
      record(data.timings);
      drawMeters();
      setPythonState("ready");
    }
    if (data.type === "start-failed") return fail(data.message);
    const pending = waiting.get(data.id);
    if (data.type === "stage" && data.id === undefined) return startingStage(data.stage);
    if (data.type === "stage" && pending && pending.announce) showStage(data.stage);
    if (data.type === "stage") return;
    if (!pending) return;
    waiting.delete(data.id);
    if (data.type === "result") pending.resolve(JSON.parse(data.json));
    else pending.reject(new Error(data.message));
  });
  worker.addEventListener("error", (event) => fail(event.message || "the worker stopped"));
  // The worksheets on this page whose insights the reader may ask for first.
  const worksheets = [...document.querySelectorAll("[data-onward-worksheet]")]
    .filter((form) => form.querySelector("[data-onward-insights]"))
    .map((form) => form.dataset.onwardWorksheet);
  const wheel = new URL(config.content, here).href;
  worker.postMessage({ type: "start", pyodide, wheel, snapshot: snapshotPlace(config), worksheets });
  return worker;
}

// Someone is waiting now: a runtime that has not started within the limit (counted from when
// they asked, not from a start in the background) is treated as one that cannot.
function waitAtMost() {
  if (ready || limitTimer) return;
  limitTimer = setTimeout(() => fail("the runtime did not start in time"), startLimit());
}

/**
 * Start Python in the background, before anyone asks: the reader has started on `worksheet`,
 * which offers insights. Tried once a page; a start that fails stays quiet until they ask. A
 * worksheet reached later by instant navigation has its insight code made ready meanwhile.
 */
export function prewarm(worksheet) {
  if (worker) worker.postMessage({ type: "prepare", worksheets: [worksheet] });
  if (warmed || worker || !setup()) return;
  warmed = true;
  startWorker();
}


// The insights speak the language of the place their words go: the worksheet's own, which is the
// guide's (a French interface may keep the guide in English, marked lang="en" around it).
function languageOf(element) {
  return (element.closest("[lang]") || document.documentElement).lang;
}

function request(worksheet, answers, announce, language) {
  const running = startWorker();
  if (!running) return Promise.reject(new Error("insights are not available"));
  waitAtMost();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, announce });
    running.postMessage({ type: "run", id, request: { worksheet, answers, today: today(), language } });
  });
}

// ---- Turning results into the page --------------------------------------------

// Python names guide places by id ("page#section" or "worksheets/id"); nothing else becomes a link.
const TARGET = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

// Places this site's career centre took out of the guide: named in words, not linked.
function missing(target) {
  const gone = new Set((setup().dataset.missing || "").split(" ").filter(Boolean));
  const [path] = target.split("#");
  return gone.has(target) || gone.has(path);
}

function targetUrl(target) {
  if (!TARGET.test(target) || missing(target)) return null;
  const root = new URL("../../", here);
  const directory = setup().dataset.directoryUrls !== "false";
  const [path, anchor] = target.split("#");
  let page;
  if (path === "index") page = directory ? "" : "index.html";
  else page = directory ? `${path}/` : `${path}.html`;
  return new URL(page + (anchor ? `#${anchor}` : ""), root).href;
}

function svgNode(spec) {
  if (typeof spec.text === "string") return document.createTextNode(spec.text);
  if (!SVG_TAGS.has(spec.tag)) return document.createTextNode("");
  const node = document.createElementNS(SVG, spec.tag);
  for (const [name, value] of Object.entries(spec.attrs || {})) {
    if (SVG_ATTRIBUTES.has(name)) node.setAttribute(name, String(value));
  }
  for (const child of spec.children || []) node.append(svgNode(child));
  return node;
}

// The drawing keeps its labels readable by keeping a least width; on a narrow screen it then
// scrolls sideways, and only then is it a named stop in the Tab order, so keys can scroll it.
function scrollsWhenNarrow(box, name) {
  const check = () => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name);
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(check).observe(box);
}

function table(block) {
  const node = element("table", undefined, "onward-insights__table");
  node.append(element("caption", block.caption));
  const head = node.createTHead().insertRow();
  for (const column of block.columns) {
    const cell = element("th", column);
    cell.scope = "col";
    head.append(cell);
  }
  const body = node.createTBody();
  for (const row of block.rows) {
    const tr = body.insertRow();
    for (const value of row) tr.insertCell().textContent = String(value);
  }
  return node;
}

function titled(block, ...children) {
  const box = element("div", undefined, `onward-insight onward-insight--${block.kind}`);
  if (block.title) box.append(element("h3", block.title));
  box.append(...children);
  return box;
}

function draft(form, block) {
  const text = element("pre", block.body, "onward-insights__draft");
  text.tabIndex = 0;
  const lines = [];
  if (block.to) lines.push(element("p", `${message(form, "label-to")} ${block.to}`));
  lines.push(element("p", `${message(form, "label-subject")} ${block.subject}`));
  const copy = element("button", message(form, "label-copy"), "onward-button");
  copy.type = "button";
  copy.dataset.onwardCopy = "";
  copy.addEventListener("click", async () => {
    // A worksheet has a progress line to report in; the adviser summary does not.
    const status = form.querySelector("[data-onward-insights-progress]") || { textContent: "" };
    try {
      await navigator.clipboard.writeText(block.body);
      status.textContent = message(form, "insights-copied");
    } catch {
      window.getSelection().selectAllChildren(text);
      status.textContent = message(form, "insights-copy-failed");
    }
  });
  const mail = element("a", message(form, "label-email"), "onward-button onward-button--quiet");
  const query = `subject=${encodeURIComponent(block.subject)}&body=${encodeURIComponent(block.body)}`;
  mail.href = `mailto:${encodeURIComponent(block.to || "")}?${query}`;
  const actions = element("div", undefined, "onward-insights__actions");
  actions.append(copy, mail);
  return titled(block, ...lines, text, actions);
}

function render(form, block) {
  switch (block.kind) {
    case "paragraph":
      return element("p", block.text);
    case "prompt":
      return element("p", block.text, "onward-insights__prompt");
    case "list": {
      const list = element("ul");
      for (const item of block.items) list.append(element("li", item));
      return titled(block, list);
    }
    case "next_steps": {
      const list = element("ul");
      for (const item of block.items) {
        const href = targetUrl(item.target);
        const li = element("li", href ? undefined : item.text);
        if (href) {
          const link = element("a", item.text);
          link.href = href;
          li.append(link);
        }
        list.append(li);
      }
      return titled(block, list);
    }
    case "table":
      return table(block);
    case "chart": {
      // The caption says what the chart shows and the table beside it holds its numbers, so
      // the drawing itself is hidden from screen readers: it would only say it all again.
      const figure = element("figure", undefined, "onward-insights__chart");
      const drawing = element("div", undefined, "onward-insights__drawing");
      const svg = svgNode(block.svg);
      svg.setAttribute("aria-hidden", "true");
      svg.removeAttribute("role");
      svg.removeAttribute("aria-labelledby");
      drawing.append(svg);
      scrollsWhenNarrow(drawing, message(form, "label-chart"));
      figure.append(drawing, element("figcaption", block.description));
      const numbers = element("details", undefined, "onward-insights__numbers");
      numbers.append(element("summary", message(form, "label-numbers")), table(block.table));
      return titled(block, figure, numbers);
    }
    case "draft":
      return draft(form, block);
    case "calendar": {
      const button = element("button", message(form, "label-download-ics"), "onward-button");
      button.type = "button";
      button.dataset.onwardCalendar = "";
      button.addEventListener("click", () => download(block.filename, block.ics, "text/calendar"));
      return titled(block, button);
    }
    default:
      return document.createTextNode("");
  }
}

function resultNodes(root, result) {
  if (result.error) return [element("p", result.error, "onward-insights__prompt")];
  return [element("p", result.summary, "onward-insights__summary"), ...result.blocks.map((b) => render(root, b))];
}

// Only a run the reader asked for announces its progress; live refreshes stay quiet.
async function update(form, worksheet, answers, announce) {
  const output = form.querySelector("[data-onward-insights-output]");
  try {
    const nodes = resultNodes(form, await request(worksheet, answers, announce, languageOf(output)));
    const focused = output.contains(document.activeElement);
    const before = output.textContent;
    output.replaceChildren(...nodes);
    // A quiet refresh after later typing still says, once, that the insights moved on.
    if (!announce && output.textContent !== before) showStageIn(form, "insights-updated");
    if (focused) {
      // The focused control was replaced: keep the reader's place at the top of the new results.
      nodes[0].tabIndex = -1;
      nodes[0].focus();
    }
    if (announce) showStage("insights-done");
  } catch {
    showStage("insights-failed");
  }
}

/**
 * Insights as page nodes, for the adviser summary; `root` holds the insights' words.
 * Rejects when insights cannot run here.
 */
export async function summarise(root, worksheet, answers) {
  return resultNodes(root, await request(worksheet, answers, false, languageOf(root)));
}

/** Show insights for this form now, and keep them up to date as answers change. */
export function show(form, worksheet, answers) {
  panels.add(form);
  form.dataset.onwardInsightsShown = "true";
  const result = update(form, worksheet, answers(), true);
  if (stage && !ready) showStageIn(form, stage); // started already: say how far it has come
  drawMeters();
  return result;
}

const timers = new WeakMap();

/** Answers changed: refresh the insights a moment later (with the answers as they are then). */
export function changed(form, worksheet, answers) {
  if (!form.dataset.onwardInsightsShown || failed) return;
  clearTimeout(timers.get(form));
  timers.set(form, setTimeout(() => update(form, worksheet, answers(), false), LIVE_DELAY_MS));
}
