"""The site kept on the device, as the tests and benchmarks see it: waiting for the service worker
to hold every file, reading what is kept, timing an insight from the button to the first result."""

from __future__ import annotations

from playwright.sync_api import Page

KEPT_MS = 180_000  # sixteen megabytes into the cache on a busy 2-core machine

# Resolves with the scope once this page's site is kept: its worker installed (every file of the
# precache list is in the cache by then) and in charge. Only evaluate(), no wait_for_function:
# under the strict policy Playwright's string predicates are refused.
WAIT_UNTIL_KEPT = """async (limit) => {
  const kept = (async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.scope;
  })();
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('the site was not kept in time')), limit));
  return Promise.race([kept, late]);
}"""

CACHE_NAMES = "async () => (await caches.keys()).sort()"
# True once the prepared copy of the interpreter is stored (insights-worker.js keeps it).
SNAPSHOT_KEPT = "async () => (await caches.keys()).some((name) => name.startsWith('onward-python-'))"

# Press "See what this tells me" and time it until the first insight is on the page.
TIME_INSIGHT = """async () => {
  const output = document.querySelector('[data-onward-insights-output]');
  const start = performance.now();
  const shown = new Promise((resolve) => new MutationObserver((_, observer) => {
    if (output.querySelector('.onward-insights__summary')) { observer.disconnect(); resolve(); }
  }).observe(output, { childList: true, subtree: true }));
  document.querySelector('[data-onward-insights-run]').click();
  await shown;
  return performance.now() - start;
}"""

# How the last start went: "loaded" (from the prepared copy kept on the device), "none" (a full
# start) or "refused"; None before any start has finished.
START_KIND = """() => {
  const steps = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('onward-start:'));
  return steps.length ? steps[steps.length - 1].detail : null;
}"""


def poll(page: Page, predicate: str, limit_ms: int = 60_000) -> None:
    """Wait until the async JavaScript function ``predicate`` returns true in the page. Unlike
    wait_for_function, this runs under the strict policy (it is handed to the page, not eval'd)."""
    page.evaluate(
        f"""async (limit) => {{
            const check = {predicate};
            const end = performance.now() + limit;
            while (!(await check())) {{
                if (performance.now() > end) throw new Error('still false after ' + limit + ' ms: ' + {predicate!r});
                await new Promise((resolve) => setTimeout(resolve, 100));
            }}
        }}""",
        limit_ms,
    )


def wait_until_kept(page: Page, limit_ms: int = KEPT_MS) -> str:
    """The site's scope, once every file it keeps is on the device and its worker is in charge."""
    return page.evaluate(WAIT_UNTIL_KEPT, limit_ms)


def bound(page: Page) -> None:
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
