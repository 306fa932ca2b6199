import { searchInvalid, termOf, type Qualifier, type QueryNode } from "./query-tree.js";

// The issue search syntax of GitHub Enterprise Server before advanced search: whitespace-separated
// terms and `key:value` qualifiers, `-` or NOT to negate, double quotes around values with spaces,
// `label:a,b` for either label, and repeated scope qualifiers (`repo:`, `org:`, `user:`) for a
// union of repositories. `OR` and parentheses mean nothing special: they are searched as text.

const MAX_LENGTH = 256;
const MAX_OPERATORS = 5;

const SCOPE_KEYS = new Set(["repo", "org", "user"]);

export function parseLegacyQuery(q: string): QueryNode {
  if (q.length > MAX_LENGTH) throw searchInvalid(`The search is longer than ${MAX_LENGTH} characters.`);
  const tokens = tokenize(q);
  const operators = tokens.filter((token) => token === "AND" || token === "OR" || token === "NOT").length;
  if (operators > MAX_OPERATORS) throw searchInvalid("More than five AND / OR / NOT operators were used.");

  const scopes: Qualifier[] = [];
  const conditions: QueryNode[] = [];
  let negateNext = false;
  for (const token of tokens) {
    if (token === "AND") continue;
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    const negated = negateNext || token.startsWith("-");
    negateNext = false;
    const term = termOf(token.startsWith("-") ? token.slice(1) : token);
    if (!negated && term.kind === "qualifier" && SCOPE_KEYS.has(term.key)) scopes.push(term);
    else conditions.push(negated ? { kind: "not", child: term } : term);
  }
  const scope: QueryNode[] = scopes.length === 0 ? [] : [{ kind: "or", children: scopes }];
  return { kind: "and", children: [...scope, ...conditions] };
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
