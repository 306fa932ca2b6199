import { breakGitHubLinks, removeBidiControls } from "./break-github-links.js";

// Line breaks, and control characters other than the tab, have no place in one line of text.
const LINE_BREAK_OR_CONTROL = /\s*[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]+\s*/g;

// What would start a block (heading, quote, list, thematic break) when the text is the first thing
// on a line or right after a list marker, as item titles are. `*`, `_`, `~` and backticks, which
// could also start one, are escaped wherever they are.
const BLOCK_START = /^(?:#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|-(?:[ \t]*-){2,}[ \t]*$|\d{1,9}[.)](?=[ \t]|$))/;

// Inline syntax: links and images, footnotes and task items (brackets), emphasis (`*`),
// strikethrough (`~`), code spans the title did not have (a backtick), and backslash escapes.
const INLINE_SYNTAX = /[\\[\]*~`]/g;

// `_` emphasises only next to something other than a letter or digit: `snake_case` is left alone.
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

// GitHub decodes entities and numeric references: `&amp;` would show as `&`.
const CHARACTER_REFERENCE = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Makes user-controlled prose (an item title, a name, a label) safe to place inline in Markdown
 * that people also read raw: GitHub shows exactly its characters, as text, and its own code spans
 * as code; nothing else. No link, image, HTML, emphasis or block, and no mention, reference,
 * address or emoji (see breakGitHubLinks). Bidirectional controls are dropped, line breaks and
 * control characters become a space. The only character reference written is `&lt;`: everything
 * else is escaped with a backslash. The rules are tabulated in the README.
 */
export function escapeMarkdown(text: string): string {
  const normal = removeBidiControls(text).replace(LINE_BREAK_OR_CONTROL, " ").trim();
  return splitCodeSpans(normal)
    .map(({ code, text }, index) => (code ? escapeCode(text) : escapeText(text, index === 0)))
    .join("");
}

function escapeText(text: string, atLineStart: boolean): string {
  const escaped = breakGitHubLinks(text)
    .replace(INLINE_SYNTAX, "\\$&")
    .replace(EMPHASIS_UNDERSCORE, "\\_")
    .replace(CHARACTER_REFERENCE, "\\&")
    // `&lt;` rather than `\<`: the raw text must not hold `<!--`, which could pass for a hidden marker.
    .replace(/</g, "&lt;")
    // `-->` (and the lenient `--!>`) would close an HTML comment the text is quoted in.
    .replace(/(--!?)>/g, "$1\\>");
  return atLineStart ? escaped.replace(BLOCK_START, escapeBlockStart) : escaped;
}

function escapeBlockStart(start: string): string {
  return /^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`;
}

// Nothing in a code span is Markdown, HTML or a link GitHub adds, and an escape would show; only a
// comment's opening or closing is broken, so no title can pass for a hidden marker. A code span
// never starts a block: a fence of backticks cannot have backticks after it on its line.
function escapeCode(code: string): string {
  return code.replace(/<!--/g, "<\u200B!--").replace(/--(!?)>/g, "--$1\u200B>");
}

/** CommonMark code spans: a run of backticks up to the next run of the same length. */
function splitCodeSpans(text: string): { code: boolean; text: string }[] {
  const segments: { code: boolean; text: string }[] = [];
  const backtickRun = /`+/g;
  let textStart = 0;
  for (let opening = backtickRun.exec(text); opening; opening = backtickRun.exec(text)) {
    const closing = new RegExp(`(?<!\`)${opening[0]}(?!\`)`, "g");
    closing.lastIndex = backtickRun.lastIndex;
    const match = closing.exec(text);
    if (!match) continue;
    const end = match.index + match[0].length;
    segments.push({ code: false, text: text.slice(textStart, opening.index) });
    segments.push({ code: true, text: text.slice(opening.index, end) });
    textStart = backtickRun.lastIndex = end;
  }
  segments.push({ code: false, text: text.slice(textStart) });
  return segments;
}
