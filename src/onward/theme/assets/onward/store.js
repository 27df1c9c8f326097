// Where this site's answers live. Normally localStorage. In shared computer mode, each
// open tab of the site keeps them in its own sessionStorage and tells the others every
// change over a BroadcastChannel, so all tabs share one set of answers and nothing is left
// once the last tab is closed. The switch itself is in localStorage, so every tab of the
// site, open now or opened later, is in the mode until someone turns it off.
// Every key Onward writes starts with "onward:NAMESPACE:", so two sites on one address
// never see each other's.

export function namespace() {
  const meta = document.querySelector('meta[name="onward-storage"]');
  return (meta && meta.content) || "onward";
}

export function prefix() {
  return `onward:${namespace()}:`;
}

export function recordKey(id) {
  return `${prefix()}worksheet:${id}`;
}

/** A key for a copy kept aside: "onward:NS:KIND:ID:TIME". */
export function asideKey(kind, id) {
  return `${prefix()}${kind}:${id}:${Date.now()}`;
}

// The switch: "on", or "wiped" for the moment a tab deletes everything and turns the mode
// off (so other tabs forget their unsaved answers too), or absent.
function modeKey() {
  return `${prefix()}shared-computer`;
}

function local() {
  try {
    return window.localStorage; // throws when the browser blocks storage
  } catch {
    return null;
  }
}

function session() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(storage, key) {
  try {
    return storage ? storage.getItem(key) : null;
  } catch {
    return null;
  }
}

export function sharedMode() {
  return read(local(), modeKey()) === "on" || read(session(), modeKey()) === "on"; // per tab, as Onward once kept it
}

/**
 * Keys this site owns in one storage: Onward's under its namespace (the mode switch is not
 * data) and, given its prefix, Material's under the site's path (the theme choice).
 */
function ownKeys(storage, materialPrefix = null) {
  const keys = [];
  if (!storage) return keys;
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if ((key.startsWith(prefix()) && key !== modeKey()) || (materialPrefix && key.startsWith(materialPrefix))) keys.push(key);
  }
  return keys;
}

// ---- Sharing one tab's storage with the site's other tabs ---------------------------------

const listeners = new Set();
let channel = null;

function tell(change) {
  for (const listener of listeners) listener(change);
}

/** sessionStorage, with every change told to the site's other tabs. */
const tabStore = {
  get length() {
    return session().length;
  },
  key: (index) => session().key(index),
  getItem: (key) => session().getItem(key),
  setItem(key, value) {
    session().setItem(key, value);
    channel?.postMessage({ type: "set", key, value });
  },
  removeItem(key) {
    session().removeItem(key);
    channel?.postMessage({ type: "set", key, value: null });
  },
};

/** The storage answers are written to now, or null when the browser blocks it. */
export function store() {
  if (!sharedMode()) return local();
  return session() ? tabStore : null;
}

/** Both storages that exist, for listing and deleting everything. */
export function stores() {
  return [sharedMode() && session() ? tabStore : local(), sharedMode() ? local() : session()].filter(Boolean);
}

/** Another tab's copy of a record is taken when it was saved later than ours. */
function laterRecord(theirs, ours) {
  try {
    return (JSON.parse(theirs).updated || "") > (JSON.parse(ours).updated || "");
  } catch {
    return false;
  }
}

function onMessage({ data }) {
  if (!sharedMode() || !data || typeof data !== "object") return;
  const storage = session();
  if (data.type === "hello") {
    channel.postMessage({ type: "state", items: ownKeys(storage).map((key) => [key, storage.getItem(key)]) });
  } else if (data.type === "set" && typeof data.key === "string" && data.key.startsWith(prefix())) {
    if (data.value === null) storage.removeItem(data.key);
    else storage.setItem(data.key, data.value);
    tell({ key: data.key, newValue: data.value });
  } else if (data.type === "state" && Array.isArray(data.items)) {
    for (const [key, value] of data.items) {
      if (typeof key !== "string" || !key.startsWith(prefix()) || typeof value !== "string") continue;
      const ours = storage.getItem(key);
      if (ours === value) continue;
      const isRecord = key.startsWith(`${prefix()}worksheet:`);
      if (ours !== null && !(isRecord && laterRecord(value, ours))) continue; // a copy kept aside is never replaced
      storage.setItem(key, value);
      tell({ key, newValue: value });
    }
  }
}

function openChannel() {
  if (channel || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(`onward:${namespace()}`);
  channel.addEventListener("message", onMessage);
}

// A tab that joins the mode asks the others for what they hold.
function join() {
  openChannel();
  channel?.postMessage({ type: "hello" });
}

function forgetTabCopies() {
  const storage = session();
  for (const key of ownKeys(storage)) storage.removeItem(key);
}

function onStorageEvent(event) {
  if (!event.key || !event.key.startsWith(prefix()) || event.storageArea !== local()) return;
  if (event.key === modeKey()) {
    if (event.newValue === "on") {
      join();
      tell({ mode: "on" });
    } else {
      forgetTabCopies(); // the tab that turned it off moved everything to localStorage first
      tell({ mode: event.newValue === "wiped" ? "wiped" : "off" });
    }
  } else if (!sharedMode()) {
    tell({ key: event.key, newValue: event.newValue });
  }
}

/**
 * Call `listener` with each change another tab makes: {key, newValue} for a stored value, or
 * {mode: "on" | "off" | "wiped"} when shared computer mode changes.
 */
export function onChange(listener) {
  listeners.add(listener);
}

/**
 * Turn shared computer mode on or off for every tab of the site, moving what this site
 * stored to the other storage. Each key is copied first and removed from where it was only
 * once every copy is in place, so a full or blocked storage leaves things where they were.
 * `wipe` deletes instead of moving, in every tab. Returns true when it is done.
 */
export function setSharedMode(on, { wipe = false, materialPrefix = null } = {}) {
  const from = on ? local() : session();
  const to = on ? session() : local();
  const flags = local();
  if (!to || !flags) return false;
  const keys = ownKeys(from, materialPrefix);
  try {
    if (!wipe) for (const key of keys) to.setItem(key, from.getItem(key));
    if (on) flags.setItem(modeKey(), "on");
    else if (wipe) flags.setItem(modeKey(), "wiped");
    else flags.removeItem(modeKey());
  } catch {
    if (!wipe) for (const key of keys) if (from.getItem(key) !== null) to.removeItem(key); // undo the copies
    return false;
  }
  for (const key of keys) from.removeItem(key);
  if (wipe) flags.removeItem(modeKey());
  session()?.removeItem(modeKey());
  if (on) join();
  return true;
}

window.addEventListener("storage", onStorageEvent);
if (sharedMode()) join();
