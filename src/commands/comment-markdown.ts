import MarkdownIt from "markdown-it";
import type { Env, StateInline, Token } from "markdown-it";

/** One rendered line of a top-level paragraph of a comment. */
export interface ShownLine {
  /** 1-based number of the source line it starts on. */
  number: number;
  /** That source line as written. */
  source: string;
  /** What the rendered comment shows of it: text and code, without markup, HTML or images. */
  shown: string;
}

/**
 * How deep containers and brackets nest before markdown-it stops following them (its CommonMark
 * preset's own bound): far more than people write, and it bounds the work a hostile comment costs.
 */
const MAX_NESTING = 20;

const LINE_END = /\r\n?|\n/;
const TOO_DEEP = Symbol("too deep");
const SHOWN_TOKENS = new Set(["text", "text_special", "code_inline"]);

// GitHub renders comments as GitHub Flavored Markdown: CommonMark with raw HTML, plus tables and
// strikethrough, the extensions that change which text is a paragraph or markup.
const markdown = new MarkdownIt("commonmark", { html: true, maxNesting: MAX_NESTING }).enable(["table", "strikethrough"]);
// Inline content is parsed only for the paragraphs asked about (shownParagraphLines).
markdown.core.ruler.disable("inline");

/** Notes where each line break stands: markdown-it gives inline tokens no source positions. */
class LineBreakState extends markdown.inline.State {
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = super.push(type, tag, nesting);
    if (type === "softbreak" || type === "hardbreak") token.meta = { at: this.pos };
    return token;
  }
}
markdown.inline.State = LineBreakState;

const skipToken = markdown.inline.skipToken.bind(markdown.inline);
markdown.inline.skipToken = (state: StateInline) => {
  // Past this depth markdown-it takes brackets for text, while GitHub may still find a link
  // whose destination and title it hides: the paragraph cannot be read as GitHub shows it.
  if (state.level >= MAX_NESTING) state.env[TOO_DEEP] = true;
  skipToken(state);
};

/**
 * The rendered lines of the comment's top-level paragraphs (not those in block quotes or lists;
 * tables, headings and HTML blocks hold none), each with the source line it starts on. Only
 * paragraphs with a source line that `worthReading` accepts are parsed inline; a paragraph nested
 * too deep to be read as GitHub shows it yields no lines.
 */
export function shownParagraphLines(body: string, worthReading: (sourceLine: string) => boolean): ShownLine[] {
  const sourceLines = body.split(LINE_END);
  const tokens = markdown.parse(body, {});
  const lines: ShownLine[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "paragraph_open" || token.level !== 0 || token.map === null) return;
    const [first, end] = token.map;
    if (!sourceLines.slice(first, end).some(worthReading)) return;
    for (const { offset, shown } of renderedLines(tokens[index + 1]?.content ?? "")) {
      lines.push({ number: first + offset + 1, source: sourceLines[first + offset] ?? "", shown });
    }
  });
  return lines;
}

/**
 * A paragraph's content split where the rendered text breaks lines, each part with the offset of
 * the source line it starts on; inline HTML, code spans and link titles may span source lines.
 */
function renderedLines(content: string): { offset: number; shown: string }[] {
  const env: Env = {};
  const tokens: Token[] = [];
  markdown.inline.parse(content, markdown, env, tokens);
  if (env[TOO_DEEP] === true) return [];
  const lineEnds = lineEndOffsets(content);
  let line = { offset: 0, shown: "" };
  const lines = [line];
  for (const token of tokens) {
    const at = token.meta?.["at"];
    // A break stands on its line end, or on the backslash just before it.
    const lineEnd = typeof at === "number" ? lineEnds.get(content.indexOf("\n", at)) : undefined;
    if (lineEnd !== undefined) lines.push((line = { offset: lineEnd + 1, shown: "" }));
    else if (SHOWN_TOKENS.has(token.type)) line.shown += token.content;
  }
  return lines;
}

/** For each line end of the text, the 0-based number of the line it ends. */
function lineEndOffsets(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) ends.set(at, ends.size);
  return ends;
}
