// Call one exported function of a browser module with JSON arguments, for unit tests of
// the pure browser modules (no DOM). Usage: node run_module.mjs MODULE FUNCTION CASES.json
// where CASES.json is a list of argument lists; prints the list of results as JSON.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [moduleName, functionName, casesPath] = process.argv.slice(2);
const assets = path.join(here, "..", "..", "src", "onward", "theme", "assets", "onward");
const module = await import(path.join(assets, moduleName));
const cases = JSON.parse(await readFile(casesPath, "utf8"));
process.stdout.write(JSON.stringify(cases.map((args) => module[functionName](...args))));
