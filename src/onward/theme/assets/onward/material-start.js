// Material's start-up helpers, served as a file so the site runs under a strict
// Content-Security-Policy (no inline scripts). Material's bundle expects these four
// globals; they keep its contract: values stored per site as "<scope path>.<key>".
(() => {
  // This file lives at <site root>/assets/onward/, whatever the page's own depth.
  const scope = new URL("../../", document.currentScript.src);

  // In Onward's shared computer mode (see store.js) the theme choice, like the answers,
  // is kept only while the site's tabs are open. The switch is in localStorage.
  function sharedMode() {
    const meta = document.querySelector('meta[name="onward-storage"]');
    const key = meta && `onward:${meta.content}:shared-computer`;
    return Boolean(meta) && (window.localStorage.getItem(key) === "on" || window.sessionStorage.getItem(key) === "on");
  }

  function storageOrNull(storage) {
    try {
      if (storage !== undefined) return storage;
      return sharedMode() ? window.sessionStorage : window.localStorage;
    } catch {
      return null; // storage blocked: behave as if nothing was ever stored
    }
  }

  window.__md_scope = scope;

  // The string hash Material compares announcement texts with.
  window.__md_hash = (text) => {
    let hash = 0;
    for (const character of text) hash = (hash << 5) - hash + character.charCodeAt(0);
    return hash;
  };

  window.__md_get = (key, storage, base = scope) => {
    const store = storageOrNull(storage);
    try {
      return store ? JSON.parse(store.getItem(`${base.pathname}.${key}`)) : null;
    } catch {
      return null;
    }
  };

  window.__md_set = (key, value, storage, base = scope) => {
    const store = storageOrNull(storage);
    try {
      if (store) store.setItem(`${base.pathname}.${key}`, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the choice lasts for this page only.
    }
  };
})();
