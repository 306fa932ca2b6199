// Characters GitHub reads as references in titles, commit messages and pull request bodies: a
// mention (`@team`), an issue reference (`#1`, `owner/repo#1`, `GH-1`) that a closing keyword
// (`Fixes #1`) would act on, and a URL, which a closing keyword accepts too. A zero-width space
// after the trigger keeps the text as people read it while GitHub no longer sees the reference.
const REFERENCE_TRIGGER = /(@|#|\bGH-|:\/\/)/gi;

/**
 * Makes text from config (a meeting's name) safe for a one-line plain-text field: one line, no
 * control characters, and nothing GitHub would turn into a mention, a reference or a closing
 * keyword's target.
 */
export function inertText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(REFERENCE_TRIGGER, "$1\u200B");
}
