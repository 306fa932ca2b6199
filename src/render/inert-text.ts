import { breakGitHubLinks, removeBidiControls } from "./break-github-links.js";

/**
 * Makes text from config (a meeting's name) safe for a one-line plain-text field, such as a pull
 * request title or a commit message: one line, no control characters, and nothing GitHub would
 * turn into a mention, a reference (or a closing keyword's target), an address or an emoji.
 */
export function inertText(text: string): string {
  return breakGitHubLinks(
    removeBidiControls(text)
      .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ")
      .trim(),
  );
}
