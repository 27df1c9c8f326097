// Onward's search worker: Material's own, with each word the reader types matched by its stem.
//
// A site whose guide is not in English points Material's search at this file, which the build
// writes beside Material's worker as `onward-search.<hash>.min.js` (named by a hash of this
// source, so browsers keep it as long as Material's own, and minified with the site's scripts)
// and names in each page's configuration as `onward-search.<hash>.min.js?worker=<Material's>`. It
// loads Material's worker, which builds the index and answers queries exactly as usual, and
// before each query reaches it puts every word typed in place of its stem, from lunr's stemmer
// for the guide's language (Snowball's French for French): "ressentir", "ressentez" and
// "ressenti" all become "ressent", and Material's usual trailing wildcard then finds every
// form that begins so. Indexing stemmed words instead would fail a word still being typed
// ("entretie" is no stem of anything indexed); stemming only what is typed never does. A stem
// that is not the start of its word ("différence" gives "différent") is left out, so a query
// never asks for letters the reader did not type.
//
// It lives beside Material's worker, so the language files Material loads from "../lunr/"
// are found as they would be.

const SETUP = 0;
const QUERY = 2;
const MATERIAL = /^search\.[0-9a-f]+\.min\.js$/;

const worker = new URL(self.location.href).searchParams.get("worker") || "";
let languages = null; // the index's, from Material's set-up message

// A plain word of letters (not a field name, which a colon follows).
const WORD = /(\p{L}+)(?!\p{L}|:)/gu;

function stemmed(query, stem) {
  return query.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const root = String(stem(lower));
    return root && lower.startsWith(root) ? root : word;
  });
}

function stemmerFor(languages) {
  if (!Array.isArray(languages) || languages.length !== 1 || languages[0] === "en") return null;
  const language = self.lunr && self.lunr[languages[0]];
  return language && typeof language.stemmer === "function" ? language.stemmer : null;
}

// Registered before Material's own listener, so it sees each message first. A message's data
// is one object for every listener, so Material reads the query as this leaves it.
addEventListener("message", (event) => {
  const message = event.data;
  if (!message || typeof message !== "object") return;
  if (message.type === SETUP) {
    // Material loads the language's stemmer while it handles this message, just after this.
    languages = message.data && message.data.config && message.data.config.lang;
  } else if (message.type === QUERY && typeof message.data === "string") {
    const stem = stemmerFor(languages);
    if (stem) message.data = stemmed(message.data, stem);
  }
});

if (!MATERIAL.test(worker)) throw new Error(`Onward's search worker needs Material's worker by name, not ${JSON.stringify(worker)}`);
importScripts(worker);
