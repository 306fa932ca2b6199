import Handlebars from "handlebars";

export interface HandlebarsSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, when the parser knows it. */
  column?: number;
  /** What is wrong, in words, without the place. */
  message: string;
}

interface ParseErrorHash {
  text?: string;
  token?: string | null;
  line?: number;
  expected?: string[];
}

interface Lexer {
  yylloc?: { first_line: number; first_column: number };
}

/** Handlebars' parser (Jison), whose error callback receives the offending token and where it is. */
const parser = (Handlebars as unknown as { Parser: { parseError?: (message: string, hash: ParseErrorHash) => never; lexer?: Lexer } }).Parser;

class ParseError extends Error {
  constructor(readonly hash: ParseErrorHash, readonly at: { line: number; column: number } | undefined) {
    super("Handlebars parse error");
  }
}

/**
 * Where a template's syntax is wrong and what is wrong, in words, or undefined when it parses.
 * Handlebars' own message is a token list ("Expecting 'ID', 'STRING', ... got 'CLOSE'") with
 * an ASCII pointer; its parser's error callback says which token it met and where.
 */
export function handlebarsSyntaxProblem(template: string): HandlebarsSyntaxProblem | undefined {
  // Parsing is synchronous, and Handlebars itself sets shared parser state for each parse.
  parser.parseError = (_message, hash) => {
    const at = parser.lexer?.yylloc;
    throw new ParseError(hash, at && { line: at.first_line, column: at.first_column + 1 });
  };
  try {
    Handlebars.parse(template);
    return undefined;
  } catch (error) {
    if (error instanceof ParseError) return describe(error);
    // A compiler check of the parse (a block closed by another name) says what in words, with "- line:column".
    const located = error as { message?: string; lineNumber?: number; column?: number };
    const message = String(located.message ?? error).replace(/ - \d+:\d+$/, "");
    return { line: located.lineNumber ?? 1, ...(typeof located.column === "number" && { column: located.column + 1 }), message };
  } finally {
    delete parser.parseError;
  }
}

/** What is wrong with a template's syntax, on one line with its place, or undefined when it parses. */
export function handlebarsSyntaxError(template: string): string | undefined {
  const problem = handlebarsSyntaxProblem(template);
  if (!problem) return undefined;
  return `line ${problem.line}${problem.column === undefined ? "" : `, column ${problem.column}`}: ${problem.message}`;
}

function describe({ hash, at }: ParseError): HandlebarsSyntaxProblem {
  const line = at?.line ?? (hash.line ?? 0) + 1;
  const place = { line, ...(at && { column: at.column }) };
  const expected = hash.expected ?? [];
  const text = hash.text ?? "";
  switch (hash.token) {
    case "EOF":
      return { ...place, message: "the template ends inside an open block (a {{#if}} or {{#each}} without its {{/if}} or {{/each}}?)" };
    case "CLOSE_UNESCAPED":
      return { ...place, message: "`}}}` closes a tag opened with `{{`: use `}}`" };
    case "CLOSE":
      if (expected.includes("'CLOSE_UNESCAPED'")) return { ...place, message: "a tag opened with `{{{` must close with `}}}`" };
      return { ...place, message: "the tag ends where a name or a value is expected" };
    case "OPEN_ENDBLOCK":
      return { ...place, message: "a closing tag `{{/…}}` without a block open" };
    case "INVALID":
    case null:
    case undefined:
      return { ...place, message: "a `{{` tag that is not closed with `}}`, or text Handlebars cannot read in a tag" };
    default:
      return { ...place, message: text ? `unexpected \`${text}\`` : "unexpected text" };
  }
}
