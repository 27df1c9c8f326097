// A module Web Worker that runs the worksheet insight Python in Pyodide.
// Started once, in the background as soon as someone starts on a worksheet that offers
// insights (or when they ask); typing and saving never wait for it.
//
// Messages in:  {type: "start", pyodide, wheel, snapshot, worksheets}  then  {type: "run", id, request}
//               and {type: "prepare", worksheets} for a worksheet reached later
// Messages out: {type: "stage", stage}  {type: "progress", received}  {type: "ready", timings}
//               {type: "start-failed", message}  {type: "result", id, json}  {type: "failed", id, message}
//
// `snapshot` ({cache, key}, or null) names where a prepared copy of the started interpreter is
// kept on this device. The first start makes it, right after the insight code is imported and
// before any answer reaches Python, so it holds Onward's code and nothing anyone wrote; later
// starts load it and skip the interpreter's own start-up, the slowest part of a cold start.

let runJson = null; // a promise of {run: Python's run_json, prepare: import more worksheets}

// The smallest valid module. Compiling it fails at once where WebAssembly is missing or
// forbidden by the site's policy; Pyodide itself would only log a warning and wait forever.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const PROGRESS_EVERY_MS = 250;

const stage = (name) => postMessage({ type: "stage", stage: name });
const now = () => performance.timeOrigin + performance.now();

// Counts the bytes of the runtime's downloads as they arrive, for the page's progress bar. The
// response Pyodide reads is the original one (a copy is counted), so the browser can still
// compile the WebAssembly while it streams in and keep the compiled code for the next visit.
function countDownloads(base) {
  const fetchBefore = self.fetch;
  let received = 0;
  let told = 0;
  self.fetch = async (resource, options) => {
    const response = await fetchBefore(resource, options);
    const url = String(resource instanceof Request ? resource.url : resource);
    if (!url.startsWith(base) || !response.body) return response;
    const reader = response.clone().body.getReader();
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (performance.now() - told > PROGRESS_EVERY_MS) {
          told = performance.now();
          postMessage({ type: "progress", received });
        }
      }
      postMessage({ type: "progress", received });
    })().catch(() => {});
    return response;
  };
  return () => {
    self.fetch = fetchBefore;
  };
}

async function keptSnapshot(snapshot) {
  if (!snapshot || typeof caches === "undefined") return null;
  try {
    const cache = await caches.open(snapshot.cache);
    const response = await cache.match(snapshot.key);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// Kept under this build's key alone: a copy made for another release is of no more use. One
// copy is stored at a time, in the order they were made.
let storing = Promise.resolve();

function keepSnapshot(snapshot, bytes) {
  storing = storing.then(() => storeSnapshot(snapshot, bytes));
  return storing;
}

async function storeSnapshot(snapshot, bytes) {
  try {
    const cache = await caches.open(snapshot.cache);
    for (const request of await cache.keys()) if (request.url !== snapshot.key) await cache.delete(request);
    await cache.put(snapshot.key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // Storage refused (full, private browsing): the next start is a full one, nothing else changes.
  }
}

async function forgetSnapshot(snapshot) {
  try {
    await caches.delete(snapshot.cache);
  } catch {
    // Nothing to forget.
  }
}

// Python reads each worksheet's wording cues when its module is imported, which takes a large
// part of a second per worksheet: the page's own worksheets are imported before the reader is
// told it is ready, and a worksheet reached later (by instant navigation) as soon as its page
// says so, long before its button is pressed. Returns whether anything new was imported.
function importInsights(pyodide, insights, worksheets) {
  const count = () => pyodide.runPython("import sys; len(sys.modules)");
  const before = count();
  for (const id of worksheets) insights.insight_module(id)?.destroy();
  return count() > before;
}

let requestsRun = 0; // a copy of the interpreter is only ever made before the first of them

async function start({ pyodide: pyodideBase, wheel: wheelUrl, snapshot, worksheets = [] }) {
  const timings = { started: now() };
  stage("insights-fetching");
  new WebAssembly.Module(EMPTY_WASM_MODULE);
  const stopCounting = countDownloads(pyodideBase);
  const wheelBytes = fetch(wheelUrl).then((response) => {
    if (!response.ok) throw new Error(`the insight code could not be loaded (${response.status})`);
    return response.arrayBuffer();
  });
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href);
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    const result = await instantiate(...args);
    timings.compiled = now();
    stage("insights-preparing");
    return result;
  };
  const canKeep = Boolean(snapshot) && typeof caches !== "undefined";
  let pyodide = null;
  const kept = canKeep ? await keptSnapshot(snapshot) : null;
  timings.snapshot = kept ? "loaded" : "none";
  try {
    if (kept) {
      try {
        pyodide = await loadPyodide({ indexURL: pyodideBase, _loadSnapshot: kept, _makeSnapshot: true });
      } catch {
        // Made by another runtime or damaged: set aside, and a full start makes a new one.
        timings.snapshot = "refused";
        await forgetSnapshot(snapshot);
      }
    }
    pyodide ??= await loadPyodide({ indexURL: pyodideBase, _makeSnapshot: canKeep });
  } finally {
    WebAssembly.instantiateStreaming = instantiate;
    stopCounting();
  }
  timings.interpreter = now();
  stage("insights-loading");
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(new Uint8Array(await wheelBytes), "wheel", { extractDir: sitePackages });
  const insights = pyodide.pyimport("onward_insights");
  const added = importInsights(pyodide, insights, worksheets);
  timings.imported = now();
  // Nothing has been asked of Python yet: the copy holds the code and no one's answers. A copy
  // loaded here is replaced when this page needed a worksheet it did not hold yet.
  const keepCopy = () => {
    if (canKeep && requestsRun === 0) keepSnapshot(snapshot, pyodide.makeMemorySnapshot());
  };
  if (timings.snapshot !== "loaded" || added) keepCopy();
  const prepare = (ids) => {
    if (importInsights(pyodide, insights, ids)) keepCopy();
  };
  return { run: insights.run_json, prepare, timings };
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "start") {
    runJson ??= start(data).then(
      ({ run, prepare, timings }) => {
        postMessage({ type: "ready", timings });
        return { run, prepare };
      },
      (error) => {
        // Said at once, so the page need not wait for its time limit to tell the reader.
        postMessage({ type: "start-failed", message: String(error && error.message ? error.message : error) });
        throw error;
      },
    );
    return;
  }
  if (data.type === "prepare") {
    try {
      (await runJson).prepare(data.worksheets);
    } catch {
      // A start that failed is reported where the reader asks.
    }
    return;
  }
  if (data.type !== "run") return;
  try {
    const { run } = await runJson;
    requestsRun += 1;
    postMessage({ type: "stage", id: data.id, stage: "insights-working" });
    postMessage({ type: "result", id: data.id, json: run(JSON.stringify(data.request)) });
  } catch (error) {
    postMessage({ type: "failed", id: data.id, message: String(error && error.message ? error.message : error) });
  }
});
