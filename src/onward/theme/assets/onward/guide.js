// The guide's small helpers, started by onward.js on every page: copy buttons on sample
// messages and the country choice in the help box.

import { bindCopyButtons } from "./copy.js";
import { bindHelpCountry } from "./help-country.js";

export function bind(root) {
  bindCopyButtons(root);
  bindHelpCountry(root);
}
