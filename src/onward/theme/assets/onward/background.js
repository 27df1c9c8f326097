// When work the reader did not ask for may begin: keeping the site on the device and starting
// Python before anyone presses for insights. Both download megabytes and keep a phone's
// processor busy, so neither may compete with the page the reader has just opened: they wait
// until it has loaded and then been left to itself for a few seconds (the reader is reading),
// and then for a moment when the browser has nothing else to do. Someone who starts on a
// worksheet before then does not wait for it: that starts Python at once (worksheets.js).

const SETTLE_MS = 5_000; // after the load event: a phone on a slow connection is done drawing by then
const IDLE_LIMIT_MS = 5_000; // a browser that is never idle still gets there

let moment = null;

function loaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
}

function idle() {
  return new Promise((resolve) =>
    window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: IDLE_LIMIT_MS }) : setTimeout(resolve, 0),
  );
}

/** Resolves once, the same moment for every caller on this page: loaded, settled, then idle.
 * Marked `onward-quiet` on the performance timeline, for tests and anyone measuring. */
export function quietMoment() {
  moment ??= loaded()
    .then(() => new Promise((resolve) => setTimeout(resolve, SETTLE_MS)))
    .then(idle)
    .then(() => {
      if (performance.mark) performance.mark("onward-quiet");
    });
  return moment;
}

/** Runs ``work`` once the page's own start-up is over, in a task of its own: after the
 * DOMContentLoaded listeners (Material's start-up among them). On a phone the two together are
 * one task a third of a second long, in which a tap waits; apart, the page answers in between. */
export function afterStartUp(work) {
  const later = () => setTimeout(work, 0);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later, { once: true });
  else later();
}
