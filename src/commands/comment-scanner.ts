import { codeSpanClosers } from "./code-spans.js";
import { VERBS, type CommandLine, type StepMeter, type Verb } from "./command-line.js";

// The scanner behind parseCommands (parse-commands.ts), which states the rules it follows.

interface Indent {
  at: number;
  columns: number;
}

/** Three columns of indentation at most: more makes an indented code block (or a continuation). */
const MAX_INDENT = 3;

type Fence = { char: "`" | "~"; length: number } | undefined;

interface QuoteState {
  open: boolean;
  /** A fence open inside the quote; it ends with the quote at the latest. */
  fence: Fence;
  /** The last quoted line was paragraph text, which an unmarked line would continue. */
  paragraph: boolean;
}

function closedQuote(): QuoteState {
  return { open: false, fence: undefined, paragraph: false };
}

/** Where an HTML comment was opened: it ends with `-->`, or else with its block. */
type OpenComment = "block" | "paragraph" | undefined;

export class CommentScanner {
  private fence: Fence;
  private comment: OpenComment;
  private quote: QuoteState = closedQuote();
  private readonly found: CommandLine[] = [];

  constructor(
    private readonly body: string,
    private readonly meter: StepMeter,
  ) {}

  commands(): CommandLine[] {
    let start = 0;
    for (let number = 1; start <= this.body.length; number++) {
      const end = this.lineEnd(start);
      this.readLine(start, end, number);
      start = end + (this.body[end] === "\r" && this.body[end + 1] === "\n" ? 2 : 1);
    }
    return this.found;
  }

  private lineEnd(from: number): number {
    let at = from;
    while (at < this.body.length) {
      this.meter.steps++;
      const char = this.body[at];
      if (char === "\n" || char === "\r") break;
      at++;
    }
    return at;
  }

  private readLine(start: number, end: number, number: number): void {
    this.meter.steps++;
    const indent = this.indentation(start, end);
    const blank = indent.at === end;
    const shallow = indent.columns <= MAX_INDENT;

    if (this.comment !== undefined) {
      if (blank && this.comment === "paragraph") this.comment = undefined;
      else this.scanComments(start, end);
      return;
    }
    if (this.fence !== undefined) {
      if (this.closesFence(this.fence, indent, end)) this.fence = undefined;
      return;
    }
    if (blank) {
      this.quote = closedQuote();
      return;
    }
    if (shallow && this.body[indent.at] === ">") {
      this.readQuoteLine(indent.at, end);
      return;
    }
    const openingFence = shallow ? this.opensFence(indent.at, end) : undefined;
    if (this.quote.open && this.quote.paragraph && openingFence === undefined) {
      // A lazy continuation line: GitHub shows it as part of the quoted paragraph above.
      this.scanComments(indent.at, end, "paragraph");
      return;
    }
    this.quote = closedQuote();
    if (openingFence !== undefined) {
      this.fence = openingFence;
      return;
    }
    if (shallow && this.body[indent.at] === "/") {
      this.readCommand(indent.at, end, number);
      return;
    }
    const startsHtmlBlock = shallow && this.startsWith(indent.at, end, "<!--");
    this.scanComments(indent.at, end, startsHtmlBlock ? "block" : "paragraph");
  }

  /** Lines of a block quote: never commands, but quoted fences and comments still matter. */
  private readQuoteLine(marker: number, end: number): void {
    let content = { at: marker, columns: 0 };
    // Nested markers (`> >`) are one quote as far as commands go.
    while (content.at < end && content.columns <= MAX_INDENT && this.body[content.at] === ">") {
      this.meter.steps++;
      content = this.indentation(content.at + 1, end);
      // The one optional space after `>` belongs to the marker.
      if (content.columns > 0) content.columns--;
    }
    if (!this.quote.open) this.quote = { ...closedQuote(), open: true };
    if (this.quote.fence !== undefined) {
      if (this.closesFence(this.quote.fence, content, end)) this.quote.fence = undefined;
      this.quote.paragraph = false;
      return;
    }
    const fence = content.columns <= MAX_INDENT ? this.opensFence(content.at, end) : undefined;
    if (fence !== undefined) {
      this.quote.fence = fence;
      this.quote.paragraph = false;
      return;
    }
    this.quote.paragraph = content.at < end && !this.isHeading(content.at, end);
    this.scanComments(content.at, end, "paragraph");
  }

  private readCommand(slash: number, end: number, number: number): void {
    const verbStart = slash + 1;
    let at = verbStart;
    while (at < end && at - verbStart <= LONGEST_VERB && isLetter(this.body[at])) {
      this.meter.steps++;
      at++;
    }
    const verb = this.body.slice(verbStart, at).toLowerCase();
    const known = (VERBS as readonly string[]).includes(verb);
    if (!known || (at < end && !isSpace(this.body[at]))) {
      this.scanComments(slash, end, "paragraph");
      return;
    }
    const commentStart = this.scanComments(at, end, "paragraph");
    const text = this.body.slice(slash, commentStart).trimEnd();
    const rest = text.slice(at - slash).trim();
    this.found.push({ verb: verb as Verb, words: this.words(rest), rest, text, line: number });
  }

  private words(text: string): string[] {
    const words: string[] = [];
    let wordStart = -1;
    for (let at = 0; at <= text.length; at++) {
      this.meter.steps++;
      const space = at === text.length || isSpace(text[at]);
      if (space && wordStart >= 0) {
        words.push(text.slice(wordStart, at));
        wordStart = -1;
      } else if (!space && wordStart < 0) {
        wordStart = at;
      }
    }
    return words;
  }

  /**
   * Follows HTML comments through `body[from, end)`, outside code spans and escapes; a comment
   * still open at the end of the line stays open with the given extent. Returns where the first
   * comment on the line opens (or `end`), which is where a command's text stops.
   */
  private scanComments(from: number, end: number, extent: OpenComment = this.comment): number {
    let firstOpening = end;
    const closers = this.comment === undefined ? codeSpanClosers(this.body, from, end, this.meter) : new Map<number, number>();
    let at = from;
    while (at < end) {
      this.meter.steps++;
      if (this.comment !== undefined) {
        if (this.startsWith(at, end, "-->")) {
          this.comment = undefined;
          at += 3;
        } else at++;
        continue;
      }
      const closer = closers.get(at);
      if (closer !== undefined) {
        at = closer;
      } else if (this.body[at] === "\\") {
        at += 2;
      } else if (this.startsWith(at, end, "<!--")) {
        firstOpening = Math.min(firstOpening, at);
        at += 4;
        // `<!-->` and `<!--->` are complete, empty comments.
        if (this.startsWith(at, end, ">")) at += 1;
        else if (this.startsWith(at, end, "->")) at += 2;
        else this.comment = extent;
      } else at++;
    }
    return firstOpening;
  }

  /** A fence opener: three or more backticks (no backtick after them) or tildes. */
  private opensFence(at: number, end: number): Fence {
    const char = this.body[at];
    if (char !== "`" && char !== "~") return undefined;
    const length = this.run(at, end, char);
    if (length < 3) return undefined;
    if (char === "`") {
      for (let info = at + length; info < end; info++) {
        this.meter.steps++;
        if (this.body[info] === "`") return undefined;
      }
    }
    return { char, length };
  }

  /** A fence closer: at most three spaces, a run at least as long as the opener, then spaces only. */
  private closesFence(fence: NonNullable<Fence>, indent: Indent, end: number): boolean {
    if (indent.columns > MAX_INDENT || this.body[indent.at] !== fence.char) return false;
    const length = this.run(indent.at, end, fence.char);
    return length >= fence.length && this.indentation(indent.at + length, end).at === end;
  }

  private isHeading(at: number, end: number): boolean {
    const length = this.run(at, end, "#");
    return length >= 1 && length <= 6 && (at + length === end || isSpace(this.body[at + length]));
  }

  private run(from: number, end: number, char: string): number {
    let at = from;
    while (at < end && this.body[at] === char) {
      this.meter.steps++;
      at++;
    }
    return at - from;
  }

  /** The first character that is not a space or tab, and its column (a tab reaches the next stop of 4). */
  private indentation(from: number, end: number): Indent {
    let at = from;
    let columns = 0;
    while (at < end && isSpace(this.body[at])) {
      this.meter.steps++;
      columns = this.body[at] === "\t" ? columns + 4 - (columns % 4) : columns + 1;
      at++;
    }
    return { at, columns };
  }

  private startsWith(at: number, end: number, text: string): boolean {
    this.meter.steps += text.length;
    return at + text.length <= end && this.body.startsWith(text, at);
  }
}

const LONGEST_VERB = Math.max(...VERBS.map((verb) => verb.length));

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= "a" && char <= "z") || (char >= "A" && char <= "Z"));
}

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t";
}
