// Where this site's answers live. Normally localStorage; in shared-computer mode,
// sessionStorage, so they go when the tab is closed. Every key Onward writes starts
// with "onward:NAMESPACE:", so two sites on one address never see each other's.

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

// The switch itself lives in sessionStorage: it ends with the tab, like the answers.
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

export function sharedMode() {
  try {
    return session()?.getItem(modeKey()) === "on";
  } catch {
    return false;
  }
}

/** The storage answers are written to now, or null when the browser blocks it. */
export function store() {
  return sharedMode() ? session() : local();
}

/** Both storages that exist, for listing and deleting everything. */
export function stores() {
  return [local(), session()].filter(Boolean);
}

// Keys this site owns in one storage: Onward's under its namespace, Material's under the
// site's path (the theme choice). The mode switch itself is not data and is never moved.
function ownKeys(storage, materialPrefix) {
  const keys = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if ((key.startsWith(prefix()) && key !== modeKey()) || key.startsWith(materialPrefix)) keys.push(key);
  }
  return keys;
}

/**
 * Turn shared-computer mode on or off, moving everything this site stored to the other
 * storage. Each key is copied first and removed from where it was only once the copy is
 * in place, so a full or blocked storage leaves things where they were, never lost.
 * Returns true when everything moved.
 */
export function setSharedMode(on, materialPrefix) {
  const from = on ? local() : session();
  const to = on ? session() : local();
  if (!to) return false;
  let complete = true;
  for (const key of from ? ownKeys(from, materialPrefix) : []) {
    try {
      to.setItem(key, from.getItem(key));
      from.removeItem(key);
    } catch {
      complete = false;
    }
  }
  if (!complete) return false;
  try {
    if (on) session().setItem(modeKey(), "on");
    else session()?.removeItem(modeKey());
  } catch {
    return false;
  }
  return true;
}
