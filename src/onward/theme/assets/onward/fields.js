// Each kind of worksheet field, read from and written to the page: one entry a type, so the
// form never needs to know how a kind of answer is held. (Whether a stored value fits a
// field is migrate.js's `fits`, which needs no page.) Typed text goes through `value` only.

const text = {
  read: (inputs) => inputs[0].value,
  write: (inputs, value) => {
    inputs[0].value = typeof value === "string" ? value : "";
  },
};

function chosen(inputs, value) {
  for (const input of inputs) input.checked = value !== null && value !== undefined && input.value === String(value);
}

const TYPES = {
  short_text: text,
  long_text: text,
  date: text,
  single_choice: {
    read: (inputs) => inputs.find((input) => input.checked)?.value ?? null,
    write: chosen,
  },
  scale: {
    read: (inputs) => {
      const picked = inputs.find((input) => input.checked);
      return picked ? Number(picked.value) : null;
    },
    write: chosen,
  },
  multiple_choice: {
    read: (inputs) => inputs.filter((input) => input.checked).map((input) => input.value),
    write: (inputs, value) => {
      const picked = Array.isArray(value) ? value.map(String) : [];
      for (const input of inputs) input.checked = picked.includes(input.value);
    },
  },
};
TYPES.checklist = TYPES.multiple_choice;

function inputsOf(field) {
  return [...field.querySelectorAll("input, textarea")];
}

/** The answer a field holds now, or undefined for a field that asks nothing (a note, a group). */
export function readField(field) {
  const type = TYPES[field.dataset.onwardType];
  return type ? type.read(inputsOf(field)) : undefined;
}

export function writeField(field, value) {
  const type = TYPES[field.dataset.onwardType];
  if (type) type.write(inputsOf(field), value);
}

/** The fields that belong directly to a container (a worksheet, or one entry of a group). */
export function ownFields(container) {
  return [...container.querySelectorAll("[data-onward-field]")].filter(
    (field) => field.parentElement.closest("[data-onward-entry], [data-onward-worksheet]") === container,
  );
}

/** A container's answers by field id (groups left out: their entries are read one by one). */
export function readAll(container) {
  const answers = {};
  for (const field of ownFields(container)) {
    const value = readField(field);
    if (value !== undefined) answers[field.dataset.onwardField] = value;
  }
  return answers;
}
