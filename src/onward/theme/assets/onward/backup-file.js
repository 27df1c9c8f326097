// The whole of this site's answers in this browser, as records and as a backup file.

import { download, today } from "./download.js";
import { makeBackup, readRecord } from "./backup-format.js";
import { namespace, prefix, store } from "./store.js";

/** The site a backup says it came from: its storage namespace, and its name for people. */
export function site() {
  const meta = document.querySelector('meta[name="onward-storage"]');
  return { namespace: namespace(), name: (meta && meta.dataset.siteName) || "" };
}

/**
 * Every worksheet record in the storage in use: Map id -> record. Records that cannot be
 * read are left out here (they are listed, and downloadable, as kept-aside copies).
 */
export function heldRecords() {
  const records = new Map();
  const storage = store();
  if (!storage) return records;
  const start = `${prefix()}worksheet:`;
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key.startsWith(start)) continue;
    const id = key.slice(start.length);
    const record = readRecord(storage.getItem(key), id);
    if (record) records.set(id, record);
  }
  return records;
}

/** Download a backup of everything held, with `current` (id -> record) taking precedence. */
export function downloadBackup(current = new Map()) {
  const records = heldRecords();
  for (const [id, record] of current) if (record.updated || Object.keys(record.answers).length) records.set(id, record);
  const backup = makeBackup([...records].sort(([a], [b]) => a.localeCompare(b)), site());
  download(`onward-backup-${today()}.json`, `${JSON.stringify(backup, null, 2)}\n`, "application/json");
  return backup;
}
