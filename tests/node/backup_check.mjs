// Check backup files with the browser's own module, for the parity test with Python.
// Usage: node backup_check.mjs FILE...  -> prints {"FILE": "ok" | problem code, ...};
//        node backup_check.mjs --aside FILE...  -> {"FILE": [keys of the copies kept aside] | problem code}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const modulePath = path.join(here, "..", "..", "src", "onward", "theme", "assets", "onward", "backup-format.js");
const { readBackup } = await import(modulePath);

const aside = process.argv[2] === "--aside";
const verdicts = {};
for (const file of process.argv.slice(aside ? 3 : 2)) {
  const bytes = await readFile(file);
  // TextDecoder is what File.text() uses in the browser: UTF-8, BOM dropped, bad bytes replaced.
  const text = new TextDecoder().decode(bytes);
  try {
    const backup = readBackup(text, bytes.length);
    verdicts[path.basename(file)] = aside ? Object.keys(backup.aside) : "ok";
  } catch (error) {
    verdicts[path.basename(file)] = error.code || `crashed: ${error}`;
  }
}
process.stdout.write(JSON.stringify(verdicts));
