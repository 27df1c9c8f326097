// The site on this device. Where the site keeps a copy of itself (its `onward-offline` meta tag
// says "on"), this registers its service worker (sw.js at the site's root, scoped to the site's
// own path) once the page has loaded and settled (background.js), and tells the reader, in a
// notice under the header, when a newer version of the guide is ready: it is used only when
// they press the notice's button, never in the middle of what they are doing. Where the site keeps nothing ("off"), it lets go
// of a copy an earlier build left. Answers are never touched: they are not in these caches.

import { quietMoment } from "./background.js";
import { settled } from "./python-start.js";

// Resolved now, against this file's own address (assets/onward/offline.js): the site's root.
const root = new URL("../../", import.meta.url).href;
const workerUrl = new URL("sw.js", root).href;
const workboxWindow = new URL("../workbox/workbox-window.prod.mjs", import.meta.url).href;

const START_WAIT_MS = 60_000; // the insights' own start limit: a start that takes longer has failed

let workbox = null;
let newer = false; // a newer version waits, or is in use in another tab
let asked = false; // the reader pressed "use it" here: this tab reloads once it is in charge
let replaced = false; // the newer version took charge from another tab while this page is open

function setting() {
  return document.querySelector('meta[name="onward-offline"]')?.content;
}

function ours(name) {
  return name.startsWith("onward-") && name.endsWith(`-${root}`);
}

// The copy this site's pages no longer want: its worker and its caches (never another copy's).
async function letGo() {
  const registration = await navigator.serviceWorker.getRegistration(root);
  if (registration && registration.scope === root) await registration.unregister();
  if (typeof caches === "undefined") return;
  for (const name of await caches.keys()) if (ours(name)) await caches.delete(name);
}

// The notice is part of every page (main.html); after an instant navigation it is a new one.
function showNotice() {
  const notice = document.querySelector("[data-onward-update]");
  if (!notice || !newer) return;
  const text = notice.querySelector(`[data-onward-update-message="${asked ? "opening" : "ready"}"]`).textContent;
  const status = notice.querySelector("[data-onward-update-status]");
  if (status.textContent !== text) status.textContent = text;
  const button = notice.querySelector("[data-onward-update-use]");
  button.hidden = asked;
  notice.classList.add("onward-update--shown");
  if (!button.dataset.onwardBound) {
    button.dataset.onwardBound = "true";
    button.addEventListener("click", useNewer);
  }
}

function useNewer() {
  asked = true;
  showNotice();
  // The newer worker may be waiting (ask it to take over; this tab reloads when it has) or
  // already in charge, put there from another tab (reload now). Pending answers are saved on
  // the way out (worksheets.js saves everything on pagehide), as with any reload.
  navigator.serviceWorker.getRegistration(root).then(
    (found) => (found && found.waiting ? workbox.messageSkipWaiting() : location.reload()),
    () => location.reload(),
  );
}

// Following a link after a newer version took charge from another tab loads the page afresh,
// so a page of the new version never runs with this tab's older scripts.
function loadLinksAfresh(event) {
  if (!replaced || asked) return;
  const link = event.target.closest && event.target.closest("a[href]");
  if (link && link.href.startsWith(root) && !link.hasAttribute("download")) event.stopImmediatePropagation();
}

async function keep() {
  // A worksheet that starts Python on this page goes first: the reader may be waiting on it, and
  // the runtime it downloads is then in the browser's cache for the copy to take.
  await settled(START_WAIT_MS);
  const { Workbox } = await import(workboxWindow);
  workbox = new Workbox(workerUrl, { scope: root, updateViaCache: "none" });
  workbox.addEventListener("waiting", () => {
    newer = true;
    showNotice();
  });
  // A page the site's first copy takes charge of has nothing to say; a change after that is a
  // newer version in charge (asked for here, or in another tab).
  let controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    newer = true;
    if (asked) return location.reload();
    replaced = true;
    showNotice();
  });
  if (performance.mark) performance.mark("onward-keep"); // when the copy was asked for, for anyone measuring
  await workbox.register();
}

// A browser that asks sites to save data is not sent the whole site in the background (about
// 7 MB, most of it Python). A copy kept on an earlier visit goes on being used and updated.
async function keepUnlessSavingData() {
  if (navigator.connection && navigator.connection.saveData) {
    const registration = await navigator.serviceWorker.getRegistration(root);
    if (!registration || registration.scope !== root) return;
  }
  await keep();
}

export function start() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const wanted = setting();
  window.addEventListener("click", loadLinksAfresh, true);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(showNotice);
  // Never while the page the reader opened is still settling (background.js).
  quietMoment()
    .then(() => (wanted === "on" ? keepUnlessSavingData() : letGo()))
    .catch(() => {
      // A browser that refuses (private browsing, storage off) simply uses the network as before.
    });
}
