// Onward's page script, on every page. It stays tiny: the worksheet code is
// loaded only on a page that shows a worksheet (its form carries a module script
// tag for the first page), and this binds forms that arrive by instant navigation.

// Resolved now, against this file's own address: after an instant navigation
// a relative path would resolve against the new page instead.
const worksheetModule = new URL("./worksheets.js", import.meta.url).href;
let loading = null;

function bindWorksheets() {
  if (!document.querySelector("[data-onward-worksheet]")) return;
  loading ??= import(worksheetModule);
  loading.then(
    (worksheets) => worksheets.bindPage(document),
    () => {
      loading = null; // try again on the next page
      notSaving();
    },
  );
}

// The worksheet code did not load: say plainly that answers are not being saved.
function notSaving() {
  for (const form of document.querySelectorAll("[data-onward-worksheet]:not([data-onward-bound])")) {
    const problem = form.querySelector("[data-onward-problem]");
    problem.hidden = false;
    problem.querySelector('[data-onward-message="not-loaded"]').hidden = false;
  }
}

// "Your answers" lists and deletes what this site stored; its code, too, loads only there.
const myAnswersModule = new URL("./my-answers.js", import.meta.url).href;

function bindMyAnswers() {
  if (document.querySelector("[data-onward-my-answers]")) {
    import(myAnswersModule).then((myAnswers) => myAnswers.bind(document));
  }
}

// The guide's copy buttons and the help box's country choice (guide.js).
const guideModule = new URL("./guide.js", import.meta.url).href;

// Material announces the first page and every instant navigation on document$, from inside its
// own start-up; binding waits for a task of its own, so a phone is not blocked by both at once
// (background.js's afterStartUp, not imported: this file stays one request). Binding twice is harmless.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() =>
    setTimeout(() => {
      bindWorksheets();
      bindMyAnswers();
      import(guideModule).then((guide) => guide.bind(document));
    }, 0),
  );
}

// The site's copy on this device (offline.js): only once the page has loaded, so nothing it
// fetches competes with the page the reader opened.
const offlineModule = new URL("./offline.js", import.meta.url).href;

function startOffline() {
  if (document.querySelector('meta[name="onward-offline"]')) import(offlineModule).then((offline) => offline.start());
}

if (document.readyState === "complete") startOffline();
else window.addEventListener("load", startOffline, { once: true });
