// Building page nodes from data: text always goes in as textContent, never as markup.

/** A new `tag` element holding `text` (if given) as plain text, with `className` (if given). */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
