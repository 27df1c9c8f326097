// What an answer is worth as data: whether it says anything, and how to read it as text.
// Shared by the record model, the migrations and every place answers are shown. Pure.
// tests/fixtures/blank-values.json holds the cases the insight Python must agree with.

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** object[key] only when the object holds it itself: "toString" is never an inherited function. */
export function own(object, key) {
  return isPlainObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Nothing said: no value, only spaces, or a list or entry whose every part says nothing. */
export function isBlank(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isBlank);
  if (isPlainObject(value)) return Object.values(value).every(isBlank);
  return false;
}

/** Any stored value as plain text: lists joined, an entry's answers in a row, odd values as JSON. */
export function valueText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    return value.map((item) => (isPlainObject(item) ? entryText(item) : valueText(item))).join("; ");
  }
  return entryText(value);
}

function entryText(entry) {
  return Object.values(entry).filter((v) => !isBlank(v)).map(valueText).join(", ");
}
