// The whole of this site's answers in this browser, as records and as a backup file.

import { download, today } from "./download.js";
import { makeBackup } from "./backup-format.js";
import { isSetting, parseRecord } from "./record.js";
import { namespace, prefix, store } from "./store.js";

/** The site a backup says it came from: its storage namespace, and its name for people. */
export function site() {
  const meta = document.querySelector('meta[name="onward-storage"]');
  return { namespace: namespace(), name: (meta && meta.dataset.siteName) || "" };
}

/**
 * What the storage in use holds for this site: `records` (Map id -> record) and `aside`
 * (Map key after the prefix -> text, exactly as stored). A record that cannot be read is
 * in `aside`, under "unreadable:ID:held", so it is listed and backed up, never left out.
 */
export function held() {
  const records = new Map();
  const aside = new Map();
  const storage = store();
  if (!storage) return { records, aside };
  const start = prefix();
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key.startsWith(start)) continue;
    const rest = key.slice(start.length);
    if (isSetting(rest)) continue; // the help box's country, the shared computer switch: not answers
    const text = storage.getItem(key);
    if (rest.startsWith("worksheet:")) {
      const id = rest.slice("worksheet:".length);
      const record = parseRecord(text, id);
      if (record) records.set(id, record);
      else aside.set(`unreadable:${id}:held`, text);
    } else {
      aside.set(rest, text);
    }
  }
  return { records, aside };
}

/** Every worksheet record in the storage in use: Map id -> record. */
export function heldRecords() {
  return held().records;
}

/** Download a backup of everything held, with `current` (id -> record) taking precedence. */
export function downloadBackup(current = new Map()) {
  const { records, aside } = held();
  for (const [id, record] of current) if (record.updated || Object.keys(record.answers).length) records.set(id, record);
  const backup = makeBackup([...records].sort(([a], [b]) => a.localeCompare(b)), site(), aside);
  download(`onward-backup-${today()}.json`, `${JSON.stringify(backup, null, 2)}\n`, "application/json");
  return backup;
}
