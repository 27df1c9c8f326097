// A module Web Worker that runs the worksheet insight Python in Pyodide.
// Started once, on the first request; typing and saving never wait for it.
//
// Messages in:  {type: "start", pyodide, wheel}  then  {type: "run", id, request}
// Messages out: {type: "stage", stage}  {type: "ready"}  {type: "start-failed", message}
//               {type: "result", id, json}  {type: "failed", id, message}

let runJson = null; // a promise of the Python run_json function

// The smallest valid module. Compiling it fails at once where WebAssembly is missing or
// forbidden by the site's policy; Pyodide itself would only log a warning and wait forever.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function start(pyodideBase, wheelUrl) {
  postMessage({ type: "stage", stage: "insights-starting" });
  new WebAssembly.Module(EMPTY_WASM_MODULE);
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href);
  const pyodide = await loadPyodide({ indexURL: pyodideBase });
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`the insight code could not be loaded (${response.status})`);
  const wheel = new Uint8Array(await response.arrayBuffer());
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  return pyodide.pyimport("onward_insights").run_json;
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "start") {
    runJson ??= start(data.pyodide, data.wheel).then(
      (run) => {
        postMessage({ type: "ready" });
        return run;
      },
      (error) => {
        // Said at once, so the page need not wait for its time limit to tell the reader.
        postMessage({ type: "start-failed", message: String(error && error.message ? error.message : error) });
        throw error;
      },
    );
    return;
  }
  if (data.type !== "run") return;
  try {
    const run = await runJson;
    postMessage({ type: "stage", id: data.id, stage: "insights-working" });
    postMessage({ type: "result", id: data.id, json: run(JSON.stringify(data.request)) });
  } catch (error) {
    postMessage({ type: "failed", id: data.id, message: String(error && error.message ? error.message : error) });
  }
});
