const LINE_BREAK = /\s*[\r\n\v\f\u0085\u2028\u2029]\s*/g;

// What would start a block (heading, quote, list, thematic break, fence) when the text is the
// first thing on a line or right after a list marker, as item titles are.
const BLOCK_START =
  /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|~{3,}|`{3,}|\d{1,9}[.)](?=[ \t]|$))/;

// GitHub decodes entities and numeric references: `&#64;everyone` would read as a mention.
const CHARACTER_REFERENCE = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Makes user-controlled prose (an item title, a name, a label) safe to place inline in Markdown
 * that people also read raw: it shows as written, but cannot form links, HTML, mentions or
 * blocks. Code spans stay code spans. The rules are tabulated in the README.
 */
export function escapeMarkdown(text: string): string {
  const escaped = splitCodeSpans(text.replace(LINE_BREAK, " ").trim())
    .map(({ code, text }) => (code ? escapeCode(text) : escapeText(text)))
    .join("");
  return escaped.replace(BLOCK_START, (start) =>
    /^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`,
  );
}

function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, "\\\\")
      .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
      .replace(CHARACTER_REFERENCE, "\\&")
      .replace(/</g, "&lt;")
      // `-->` (and the lenient `--!>`) would close an HTML comment the text is quoted in.
      .replace(/(--!?)>/g, "$1\\>")
      // A backslash does not stop GitHub from linking a mention; a zero-width space does.
      .replace(/@/g, "@\u200B")
  );
}

// Nothing in a code span is Markdown, HTML or a mention, and an escape would show; only a
// comment's opening or closing is broken, so no title can pass for a hidden marker.
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
