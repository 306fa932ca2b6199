import { GitHubError } from "../route.js";

// GitHub's issue search syntax: whitespace-separated terms and `key:value` qualifiers, `-` or NOT
// to negate, double quotes around values with spaces, and `label:a,b` for either label.

export interface Qualifier {
  key: string;
  /** One value, or several for `a,b` (either of them). */
  values: string[];
  negated: boolean;
}

export interface TextTerm {
  text: string;
  negated: boolean;
}

export interface IssueQuery {
  qualifiers: Qualifier[];
  terms: TextTerm[];
}

const MAX_LENGTH = 256;
const MAX_OPERATORS = 5;

/** Qualifiers the sandbox understands; GitHub treats anything else that looks like one as text. */
const KNOWN_QUALIFIERS = new Set([
  "repo", "org", "user", "label", "is", "type", "state", "in", "author", "assignee", "no",
  "created", "updated", "closed", "draft", "archived",
]);

export function parseIssueQuery(q: string): IssueQuery {
  if (q.length > MAX_LENGTH) throw searchInvalid(`The search is longer than ${MAX_LENGTH} characters.`);
  const tokens = tokenize(q);
  const operators = tokens.filter((token) => token === "AND" || token === "OR" || token === "NOT").length;
  if (operators > MAX_OPERATORS) throw searchInvalid("More than five AND / OR / NOT operators were used.");

  const query: IssueQuery = { qualifiers: [], terms: [] };
  let negateNext = false;
  for (const token of tokens) {
    if (token === "AND") continue;
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    if (token === "OR" || token.startsWith("(") || token.endsWith(")")) {
      throw new Error(`The sandbox does not implement the search operator in "${q}": use implicit AND and comma lists`);
    }
    const negated = negateNext || token.startsWith("-");
    negateNext = false;
    const body = token.startsWith("-") ? token.slice(1) : token;
    const qualifier = /^([a-z-]+):(.+)$/i.exec(body);
    const key = qualifier?.[1]?.toLowerCase();
    if (qualifier && key && KNOWN_QUALIFIERS.has(key)) {
      query.qualifiers.push({ key, values: splitValues(qualifier[2] ?? ""), negated });
    } else {
      query.terms.push({ text: unquote(body), negated });
    }
  }
  return query;
}

export function searchInvalid(message: string): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ message, resource: "Search", field: "q", code: "invalid" }]);
}

function tokenize(q: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of q) {
    if (character === '"') quoted = !quoted;
    if (!quoted && /\s/.test(character)) {
      if (current !== "") tokens.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  if (current !== "") tokens.push(current);
  return tokens;
}

/** `a,"b c"` → [a, b c]; a comma inside quotes belongs to the value. */
function splitValues(raw: string): string[] {
  const values: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of raw) {
    if (character === '"') quoted = !quoted;
    if (character === "," && !quoted) {
      values.push(unquote(current));
      current = "";
    } else {
      current += character;
    }
  }
  values.push(unquote(current));
  return values.filter((value) => value !== "");
}

function unquote(value: string): string {
  return value.replace(/"/g, "");
}
