import { GitHubError } from "../route.js";

// A parsed issue search: qualifiers and text terms combined by AND, OR and NOT. Advanced search
// writes the tree out; the legacy syntax of older GitHub Enterprise Server is read into one too.

export interface Qualifier {
  kind: "qualifier";
  key: string;
  /** One value, or several for `a,b` (either of them). */
  values: string[];
}

export interface TextTerm {
  kind: "text";
  text: string;
}

export type QueryNode =
  | Qualifier
  | TextTerm
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode };

/** Qualifiers the sandbox understands; GitHub treats anything else that looks like one as text. */
export const KNOWN_QUALIFIERS = new Set([
  "repo", "org", "user", "label", "is", "type", "state", "in", "author", "assignee", "no",
  "created", "updated", "closed", "draft", "archived",
]);

export function searchInvalid(message: string): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ message, resource: "Search", field: "q", code: "invalid" }]);
}

/** Every qualifier of the tree, negated or not. */
export function qualifiersOf(node: QueryNode): Qualifier[] {
  switch (node.kind) {
    case "qualifier":
      return [node];
    case "text":
      return [];
    case "not":
      return qualifiersOf(node.child);
    default:
      return node.children.flatMap(qualifiersOf);
  }
}

/** The qualifiers every match must satisfy: those ANDed at the top of the tree. */
export function requiredQualifiers(node: QueryNode): Qualifier[] {
  if (node.kind === "qualifier") return [node];
  if (node.kind === "and") return node.children.flatMap(requiredQualifiers);
  return [];
}

/** A `key:value` token (`-` already stripped), or a text term. */
export function termOf(token: string): Qualifier | TextTerm {
  const qualifier = /^([a-z-]+):(.+)$/i.exec(token);
  const key = qualifier?.[1]?.toLowerCase();
  if (qualifier && key && KNOWN_QUALIFIERS.has(key)) return { kind: "qualifier", key, values: splitValues(qualifier[2] ?? "") };
  return { kind: "text", text: unquote(token) };
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

/** Whether a tree holds: AND, OR and NOT as written, each leaf decided by the caller's tests. */
export function queryHolds(node: QueryNode, textHolds: (text: string) => boolean, qualifierHolds: (qualifier: Qualifier) => boolean): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((child) => queryHolds(child, textHolds, qualifierHolds));
    case "or":
      return node.children.some((child) => queryHolds(child, textHolds, qualifierHolds));
    case "not":
      return !queryHolds(node.child, textHolds, qualifierHolds);
    case "text":
      return textHolds(node.text);
    default:
      return qualifierHolds(node);
  }
}
