/**
 * After Markdown is rendered, GitHub reads the text (never code) once more and links what it finds:
 * mentions (`@login`, `@org/team`, which notify), references (`#1`, `owner/repo#1`, `GH-1`, which
 * put a "mentioned this" event on that issue, in any repository, and which a closing keyword such
 * as `Fixes #1` acts on), bare addresses (`https://…`, whose issue URLs are references too,
 * `www.…`, e-mail addresses) and emoji shortcodes (`:tada:`, shown as a picture). A backslash
 * cannot stop these rules, since they read the text after Markdown is done; a zero-width space
 * (U+200B) right after the character that starts one does, and nobody sees it.
 */
const GITHUB_LINK_START = /@|#(?=\d)|GH-(?=\d)|:(?=\/\/|[\w+-]+:)|www(?=\.)/gi;

// Characters that reorder what is shown around them, so that a title reads other than it is.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text with a zero-width space after each start of a mention, reference, address or emoji. */
export function breakGitHubLinks(text: string): string {
  return text.replace(GITHUB_LINK_START, "$&\u200B");
}

/** Text without bidirectional control characters. */
export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
