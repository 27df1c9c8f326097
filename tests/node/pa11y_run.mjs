// Run pa11y (HTML_CodeSniffer's WCAG2AA rules and axe) over a list of pages in one Chromium,
// and keep each page's DOM as the browser ends up with it, for the Nu HTML Checker.
//
// Usage: node pa11y_run.mjs PLAN.json
// PLAN: {chromium, snapshots: folder, pages: [{url, name, scheme: "light"|"dark", actions?: [...],
//        timeout_ms?}]}, where actions are pa11y's own ("click element SELECTOR", ...).
// Prints {name: {issues: [...], snapshot: file}} as JSON.
import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await puppeteer.launch({
  executablePath: plan.chromium,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const results = {};

async function check(item) {
  const page = await browser.newPage();
  // pa11y's "wait for element" action waits as long as Puppeteer's default (30 s), shorter than
  // a cold Python start on a busy machine: the page's own limit applies to its actions too.
  page.setDefaultTimeout(item.timeout_ms || 120_000);
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: item.scheme || "light" }]);
  const found = await pa11y(item.url, {
    browser,
    page,
    runners: ["htmlcs", "axe"],
    standard: "WCAG2AA",
    includeWarnings: true,
    includeNotices: true,
    // What axe could not decide (it asks a person to look) comes back as a notice, so that
    // errors and warnings are what axe found broken.
    levelCapWhenNeedsReview: "notice",
    actions: item.actions || [],
    timeout: item.timeout_ms || 120_000,
    viewport: { width: 1280, height: 900 },
    log: { debug: () => {}, info: () => {}, error: (message) => process.stderr.write(`${message}\n`) },
  });
  const snapshot = path.join(plan.snapshots, `${item.name}.html`);
  await writeFile(snapshot, `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
  results[item.name] = { issues: found.issues, snapshot };
  await page.close();
}

// A few pages at a time: most of a check is waiting on the page, and the slowest (a worksheet
// starting Python for its insight) goes first.
const queue = [...plan.pages].sort((a, b) => (b.timeout_ms || 0) - (a.timeout_ms || 0));
const worker = async () => { for (let item = queue.shift(); item; item = queue.shift()) await check(item); };
try {
  await Promise.all(Array.from({ length: 3 }, worker));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
