// Run the insight wheel inside the real Pyodide runtime under Node, for the parity test.
// Usage: node pyodide_run.mjs WHEEL REQUESTS.json  -> prints a JSON list of run_json outputs.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const [wheelPath, requestsPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel", { extractDir: sitePackages });
const runJson = pyodide.pyimport("onward_insights").run_json;
const version = pyodide.runPython("import sys; sys.version.split()[0]");

const requests = JSON.parse(await readFile(requestsPath, "utf8"));
const outputs = requests.map((request) => runJson(JSON.stringify(request)));
process.stdout.write(JSON.stringify({ python: version, outputs }));
