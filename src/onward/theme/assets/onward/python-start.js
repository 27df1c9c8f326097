// Whether Python is starting on this page, shared by the worksheets (which start it early),
// the insights (which say how far it has got) and the site's copy on this device (which waits
// for it: downloading the whole site beside a start the reader may be waiting on slows both,
// on a phone as on a 2-core laptop). A small module of its own, so a guide page loads none of
// the others to ask.

const EVENT = "onward:python";
const SETTLED = new Set(["ready", "failed"]);

/** Whether `form` starts Python in the background: it offers insights, is open to see, and the
 * reader's browser does not ask to save data (then Python starts only when asked). */
export function startsEarly(form) {
  if (!form.querySelector("[data-onward-insights]") || !document.querySelector('meta[name="onward-insights"]')) return false;
  return !(navigator.connection && navigator.connection.saveData);
}

/** Record how far the start has got: "soon" (a worksheet will start it), "starting", "ready", "failed". */
export function setPythonState(state) {
  document.documentElement.dataset.onwardPython = state;
  document.dispatchEvent(new CustomEvent(EVENT, { detail: state }));
}

/** Resolves once a start this page makes has finished or failed, or at once if none is under
 * way or expected; never later than `limitMs`. */
export function settled(limitMs) {
  const state = () => document.documentElement.dataset.onwardPython;
  if (state() === undefined || SETTLED.has(state())) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, limitMs);
    function done() {
      clearTimeout(timer);
      document.removeEventListener(EVENT, check);
      resolve();
    }
    function check() {
      if (SETTLED.has(state())) done();
    }
    document.addEventListener(EVENT, check);
  });
}
