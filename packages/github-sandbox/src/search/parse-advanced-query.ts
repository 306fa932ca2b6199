import { searchInvalid, termOf, type QueryNode } from "./query-tree.js";

// GitHub's advanced issue search (github.com since 2025-09-04): AND, OR and NOT, `-` to negate one
// term, parentheses up to five levels, and whitespace meaning AND. Whitespace between two `repo:`
// (or `org:`) qualifiers is read as AND like any other, the strict reading: such a query matches
// nothing, so a client that counts on the old "either repository" meaning finds out.

const MAX_TEXT_LENGTH = 256;
const MAX_OPERATORS = 5;
const MAX_NESTING = 5;

const INVALID_SYNTAX = "The search query contains invalid syntax.";

export function parseAdvancedQuery(q: string): QueryNode {
  const tokens = tokenize(q);
  const operators = tokens.filter((token) => token === "AND" || token === "OR" || token === "NOT").length;
  if (operators > MAX_OPERATORS) throw searchInvalid("More than five AND / OR / NOT operators were used.");
  // Operators and qualifiers do not count against the length; text does.
  const text = tokens.filter((token) => !isOperator(token) && token !== "(" && token !== ")" && termOf(token.replace(/^-/, "")).kind === "text");
  if (text.join(" ").length > MAX_TEXT_LENGTH) throw searchInvalid(`The search is longer than ${MAX_TEXT_LENGTH} characters.`);

  const parser = new Parser(tokens);
  const tree = parser.parseOr();
  if (!parser.done()) throw searchInvalid(INVALID_SYNTAX);
  return tree;
}

function isOperator(token: string): boolean {
  return token === "AND" || token === "OR" || token === "NOT";
}

class Parser {
  #position = 0;
  #depth = 0;

  constructor(private readonly tokens: string[]) {}

  done(): boolean {
    return this.#position >= this.tokens.length;
  }

  parseOr(): QueryNode {
    const children = [this.#parseAnd()];
    while (this.#peek() === "OR") {
      this.#position++;
      children.push(this.#parseAnd());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { kind: "or", children };
  }

  #parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (let next = this.#peek(); next !== undefined && next !== ")" && next !== "OR"; next = this.#peek()) {
      if (next === "AND") {
        if (children.length === 0) throw searchInvalid(INVALID_SYNTAX);
        this.#position++;
      }
      children.push(this.#parseUnary());
    }
    if (children.length === 0 && this.tokens.length > 0) throw searchInvalid(INVALID_SYNTAX);
    return children.length === 1 ? (children[0] as QueryNode) : { kind: "and", children };
  }

  #parseUnary(): QueryNode {
    const token = this.tokens[this.#position++];
    if (token === undefined || token === ")" || isOperator(token) && token !== "NOT") throw searchInvalid(INVALID_SYNTAX);
    if (token === "NOT") return { kind: "not", child: this.#parseUnary() };
    if (token === "(") {
      if (++this.#depth > MAX_NESTING) throw searchInvalid("The search contains more than five levels of nested parentheses.");
      const inner = this.parseOr();
      if (this.tokens[this.#position++] !== ")") throw searchInvalid(INVALID_SYNTAX);
      this.#depth--;
      return inner;
    }
    if (token.startsWith("-") && token.length > 1) return { kind: "not", child: termOf(token.slice(1)) };
    return termOf(token);
  }

  #peek(): string | undefined {
    return this.tokens[this.#position];
  }
}

/** Whitespace separates terms, double quotes hold a value with spaces, and each parenthesis is a token of its own. */
function tokenize(q: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  const flush = () => {
    if (current !== "") tokens.push(current);
    current = "";
  };
  for (const character of q) {
    if (character === '"') quoted = !quoted;
    if (!quoted && /\s/.test(character)) {
      flush();
    } else if (!quoted && (character === "(" || character === ")")) {
      flush();
      tokens.push(character);
    } else {
      current += character;
    }
  }
  flush();
  return tokens;
}
