// Onward's page script, on every page. It stays tiny: the worksheet code is
// imported only on a page that shows a worksheet, and only once, so it keeps
// working across Material's instant navigation.

// Resolved now, against this file's own address: after an instant navigation
// a relative path would resolve against the new page instead.
const worksheetModule = new URL("./worksheets.js", import.meta.url).href;
let loading = null;

function onPage() {
  if (!document.querySelector("[data-onward-worksheet]")) return;
  loading ??= import(worksheetModule);
  loading.then((worksheets) => worksheets.bindPage(document));
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(onPage); // Material: the first page and every instant navigation
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", onPage);
} else {
  onPage();
}
