import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { MAX_BODY_LENGTH } from "../github.js";
import type { FollowUp } from "../model.js";

/**
 * How deep containers and brackets nest before markdown-it stops following them: far more than
 * minutes hold, and it bounds the work a hostile file costs.
 */
const MAX_NESTING = 20;

/**
 * How much of a minutes file is read: as much as GitHub lets an issue body hold, several times what
 * minutes people write, so that a huge file costs a bounded parse on every refresh.
 */
export const MAX_MINUTES_CHARS = MAX_BODY_LENGTH;

// Minutes are GitHub Flavored Markdown: CommonMark with raw HTML, plus tables and strikethrough,
// the extensions that change which text is a paragraph or markup. Task lists GitHub reads from
// the list items' text (below).
const markdown = new MarkdownIt("commonmark", { html: true, maxNesting: MAX_NESTING }).enable(["table", "strikethrough"]);

// GFM's task list item marker: `[ ]` (any whitespace inside) or `[x]`, then whitespace, at the start of a list item's first paragraph.
const TASK_MARKER = /^\[(\s|x|X)\]\s+/;

// A line marked as an action, as minutes write them once their markup is gone:
// `ACTION: @someone to ...`, `**ACTION**: ...`, `ACTION ITEM: ...`, `ACTION - ...`.
const ACTION_MARKER = /^ACTION(?:\s+ITEMS?)?\s*(?::|-\s|–\s|—\s)\s*/;

/**
 * The follow-ups a minutes file holds, in the order it writes them: its unchecked task-list items
 * (`- [ ] ...`, their whole first paragraph) and its lines marked `ACTION:`. Nothing inside code
 * (fenced, indented or inline), block quotes or HTML (comments included) counts: GitHub does not
 * show it as a task or as the minutes' own line. The text is what GitHub shows, without markup
 * (inline code kept as code), one line of plain text, not escaped. Only the lines in the first
 * MAX_MINUTES_CHARS characters are read.
 */
export function parseFollowUps(minutes: string): FollowUp[] {
  const head = minutes.length > MAX_MINUTES_CHARS ? minutes.slice(0, minutes.lastIndexOf("\n", MAX_MINUTES_CHARS) + 1) : minutes;
  const tokens = markdown.parse(head, {});
  const found: FollowUp[] = [];
  let quoted = 0;
  tokens.forEach((token, index) => {
    if (token.type === "blockquote_open") quoted += 1;
    if (token.type === "blockquote_close") quoted -= 1;
    if (quoted > 0 || token.type !== "inline" || token.map === null) return;
    const firstLine = token.map[0] + 1;
    const lines = shownLines(token.children ?? []);
    if (isListItemStart(tokens, index)) {
      const task = TASK_MARKER.exec(lines[0]?.text ?? "");
      if (task) {
        if (/\s/.test(task[1] ?? "")) {
          const text = oneLine(lines.map((line) => line.text).join(" ").slice(task[0].length)).replace(ACTION_MARKER, "");
          if (text !== "") found.push({ text, line: firstLine });
        }
        return;
      }
    }
    for (const line of lines) {
      const text = oneLine(line.text);
      const marker = ACTION_MARKER.exec(text);
      const rest = marker ? text.slice(marker[0].length).trim() : "";
      if (rest !== "") found.push({ text: rest, line: firstLine + line.offset });
    }
  });
  return found;
}

/** Whether the inline token at `index` is the text of a list item's first paragraph. */
function isListItemStart(tokens: Token[], index: number): boolean {
  return tokens[index - 1]?.type === "paragraph_open" && tokens[index - 2]?.type === "list_item_open";
}

interface ShownLine {
  /** Lines after the block's first source line. */
  offset: number;
  text: string;
}

/** The inline content as GitHub shows it, line by line: text, code spans and images' text, no markup or HTML. */
function shownLines(children: Token[]): ShownLine[] {
  const lines: ShownLine[] = [{ offset: 0, text: "" }];
  let offset = 0;
  for (const child of children) {
    const line = lines.at(-1) as ShownLine;
    if (child.type === "softbreak" || child.type === "hardbreak") {
      offset += 1;
      lines.push({ offset, text: "" });
    } else if (child.type === "text" || child.type === "text_special") {
      line.text += child.content;
    } else if (child.type === "code_inline") {
      line.text += codeSpan(child.content);
    } else if (child.type === "image") {
      line.text += child.content;
    } else if (child.type === "html_inline") {
      // A comment or a tag shows nothing; the lines it spans still count.
      offset += child.content.split("\n").length - 1;
    }
  }
  return lines;
}

/** Inline code as Markdown again, fenced by one backtick more than it holds in a row. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
