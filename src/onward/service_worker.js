// Onward's service worker: keeps this copy of the guide on the device, so that after one visit
// every page, every worksheet and the insights open with no network, and later visits wait on
// nothing. The build writes it at the site's root (src/onward/offline.py), so its scope is the
// site's own path: another copy on the same domain has its own worker and its own cache.
//
// It keeps files only. Answers live in the site's localStorage and sessionStorage, which a
// service worker cannot read, write or clear.
//
// A new build is a new worker (the list below changes): it downloads only the files whose
// revision changed, then waits until the reader chooses to use it (offline.js says a newer
// version is ready) or every tab of the site is closed. It never reloads a page by itself.

importScripts(/* ONWARD:LIBRARIES */);

const BUILD = /* ONWARD:BUILD */;
const { core, precaching, routing, strategies } = self.workbox;

// Cache names end with the scope, so two copies on one origin never share one.
core.setCacheNameDetails({ prefix: "onward", precache: "site" });
precaching.addPlugins([
  {
    // Workbox fetches each file with cache "reload"; revalidating instead lets a file the
    // browser already holds (Python, fetched for insights before this worker was installed)
    // cost one short request rather than a second download. The server sends every file
    // whose name has no hash with "no-cache", so what comes back is always the current file.
    requestWillFetch: async ({ request }) => (request.mode === "navigate" ? request : new Request(request, { cache: "no-cache" })),
  },
]);
precaching.precacheAndRoute(/* ONWARD:PRECACHE */, {
  // A static site serves the same file whatever the query (?v=, ?worksheet=): match without it.
  ignoreURLParametersMatching: [/.*/],
});
precaching.cleanupOutdatedCaches();

// A page this worker does not keep (one added to the server by hand) comes from the network;
// with no network, the site's own "not found" page says so kindly instead of the browser's error.
routing.registerRoute(({ request }) => request.mode === "navigate", new strategies.NetworkOnly());
routing.setCatchHandler(async ({ request }) => {
  const missing = request.mode === "navigate" && (await precaching.matchPrecache("404.html"));
  return missing ? new Response(missing.body, { status: 404, headers: missing.headers }) : Response.error();
});

// The first install takes over at once (nothing older is in use); an update waits to be asked.
core.clientsClaim();
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  if (event.data && event.data.type === "GET_VERSION" && event.ports[0]) event.ports[0].postMessage(BUILD);
});
