import type { Meeting, RepoFullName } from "../model.js";
import { GITHUB_COM_SEARCH, type SearchDialect } from "./search-dialect.js";
import { privateReposShown } from "./visibility.js";

/** One `GET /search/issues` query, and what it may legitimately return. */
export interface SearchQuery {
  q: string;
  /** Whether the query lacks `is:public`, so private and internal items may come back. */
  allowsPrivate: boolean;
  /** Exactly one of repos or orgs is set: the `repo:` or `org:` qualifiers the query names. */
  repos?: RepoFullName[];
  orgs?: string[];
}

/** Whether a query's `repo:` or `org:` qualifiers name the repository. */
export function queryCovers(query: SearchQuery, repo: RepoFullName): boolean {
  const key = repo.toLowerCase();
  return (
    (query.repos ?? []).some((named) => named.toLowerCase() === key) ||
    (query.orgs ?? []).some((org) => org.toLowerCase() === key.split("/")[0])
  );
}

/** GitHub rejects longer queries; counted over the whole `q` string to be safe (GitHub counts only text). */
export const MAX_QUERY_LENGTH = 256;

/**
 * GitHub allows five AND/OR/NOT operators per query. Every explicit OR between scope qualifiers
 * counts, and to be safe so does every implicit one: between the labels of `label:a,b`.
 */
export const MAX_OPERATORS = 5;

/** The two types a token that cannot search both at once searches one after the other. */
const ITEM_TYPES = ["is:issue", "is:pull-request"];

/**
 * The queries that find the open issues and pull requests carrying any of the meeting's agenda
 * labels in its scope. Items of private or internal repositories can only come back from a
 * private home repo's queries, and only from the home repo and the repos in `includePrivate`.
 *
 * Several scope qualifiers in one query are joined by an explicit `OR` in parentheses, never by
 * whitespace alone (whether advanced search still reads that as OR is not settled); where the
 * server has no advanced search each query names one. Where the token needs it, each query is
 * sent once with `is:issue` and once with `is:pull-request`.
 */
export function buildSearchQueries(
  meeting: Meeting,
  home: { private: boolean },
  dialect: SearchDialect = GITHUB_COM_SEARCH,
): SearchQuery[] {
  const labelLists = packLabels(meeting, dialect);
  const pack = (scope: ScopeTerms, allowsPrivate: boolean) =>
    labelLists.flatMap((labels) => typeVariants(dialect).flatMap((type) => packScope(labels, scope, { allowsPrivate, type, dialect })));
  const publicQueries = scopeTerms(meeting.scope).flatMap((scope) => pack(scope, false));
  if (!home.private) return publicQueries;

  const named = privateReposShown(meeting);
  const privateQueries = named.length === 0 ? [] : pack({ kind: "repo", values: named }, true);
  return [...publicQueries, ...privateQueries];
}

function typeVariants(dialect: SearchDialect): (string | undefined)[] {
  return dialect.typed ? ITEM_TYPES : [undefined];
}

interface ScopeTerms {
  kind: "repo" | "org";
  values: string[];
}

function scopeTerms(scope: Meeting["scope"]): ScopeTerms[] {
  const terms: ScopeTerms[] = [];
  if (scope.orgs.length > 0) terms.push({ kind: "org", values: scope.orgs });
  if (scope.repos.length > 0) terms.push({ kind: "repo", values: scope.repos });
  return terms;
}

/** Room a `label:` qualifier may take so that the base, the type and the longest scope term still fit. */
function labelBudget(meeting: Meeting, dialect: SearchDialect): number {
  const longestScopeTerm = Math.max(
    ...meeting.scope.orgs.map((org) => `org:${org}`.length),
    ...[...meeting.scope.repos, ...meeting.includePrivate].map((repo) => `repo:${repo}`.length),
    `repo:${meeting.home.owner}/${meeting.home.repo}`.length,
  );
  const type = dialect.typed ? Math.max(...ITEM_TYPES.map((item) => item.length + 1)) : 0;
  return MAX_QUERY_LENGTH - "is:open is:public ".length - type - 1 - longestScopeTerm;
}

interface LabelQualifier {
  text: string;
  /** How many labels it ORs together. */
  labels: number;
}

/**
 * Splits the agenda labels into `label:` qualifiers, each matching any of its labels. A label with
 * a comma gets a qualifier of its own: in `label:a,b` the comma means OR, and whether GitHub
 * honours quotes around a comma is not documented; so does every label where the search reads no
 * such OR.
 */
function packLabels(meeting: Meeting, dialect: SearchDialect): LabelQualifier[] {
  if (meeting.agendaLabels.length === 0) {
    throw new Error(`Meeting "${meeting.id}": agenda_labels is empty, so no item can be found.`);
  }
  const budget = labelBudget(meeting, dialect);
  const quoted = meeting.agendaLabels.map((label) => formatLabel(meeting, label));
  // GitHub documents the quoted OR form as `label:"bug","wip"`; mixing bare and quoted is not.
  const needsQuotes = quoted.some((label) => label.startsWith('"'));
  const terms = meeting.agendaLabels.map((label, index) =>
    needsQuotes ? `"${label}"` : (quoted[index] as string),
  );

  const qualifiers: LabelQualifier[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    qualifiers.push({ text: `label:${current.join(",")}`, labels: current.length });
    current = [];
  };
  meeting.agendaLabels.forEach((label, index) => {
    const term = terms[index] as string;
    if (label.includes(",") || dialect.labelsApart) {
      qualifiers.push({ text: `label:${term}`, labels: 1 });
      return;
    }
    const grown = `label:${[...current, term].join(",")}`;
    if (current.length > 0 && (grown.length > budget || current.length > MAX_OPERATORS)) flush();
    current.push(term);
  });
  flush();

  const tooLong = qualifiers.find((qualifier) => qualifier.text.length > budget);
  if (tooLong !== undefined) {
    throw new Error(
      `Meeting "${meeting.id}": the agenda label qualifier ${tooLong.text} leaves no room in a ` +
        `${MAX_QUERY_LENGTH}-character GitHub search query; use a shorter label.`,
    );
  }
  return qualifiers;
}

/** Labels made only of letters, digits and `-_./` go bare; the rest are quoted. */
function formatLabel(meeting: Meeting, label: string): string {
  if (label.includes('"')) {
    throw new Error(
      `Meeting "${meeting.id}": agenda label ${JSON.stringify(label)} contains a double quote, ` +
        `which GitHub search cannot match; rename the label.`,
    );
  }
  return /^[\p{L}\p{N}_.\-/]+$/u.test(label) ? label : `"${label}"`;
}

/**
 * Fills queries with as many scope qualifiers as the length and operator limits allow (one where
 * the server has no advanced search); the label budget guarantees that at least one fits.
 */
function packScope(
  labels: LabelQualifier,
  scope: ScopeTerms,
  { allowsPrivate, type, dialect }: { allowsPrivate: boolean; type: string | undefined; dialect: SearchDialect },
): SearchQuery[] {
  const base = [allowsPrivate ? "is:open" : "is:open is:public", ...(type ? [type] : []), labels.text].join(" ");
  const maxTerms = dialect.advanced ? MAX_OPERATORS - (labels.labels - 1) + 1 : 1;
  const text = (values: string[]) => `${base} ${scopeText(scope.kind, values)}`;

  const queries: SearchQuery[] = [];
  let values: string[] = [];
  const flush = () => {
    if (values.length === 0) return;
    const q = text(values);
    queries.push(
      scope.kind === "repo"
        ? { q, allowsPrivate, repos: values as RepoFullName[] }
        : { q, allowsPrivate, orgs: values },
    );
    values = [];
  };
  for (const value of scope.values) {
    if (values.length > 0 && (text([...values, value]).length > MAX_QUERY_LENGTH || values.length >= maxTerms)) flush();
    values.push(value);
  }
  flush();
  return queries;
}

/** `repo:a/b`, or `(repo:a/b OR repo:c/d)`. */
function scopeText(kind: ScopeTerms["kind"], values: string[]): string {
  const terms = values.map((value) => `${kind}:${value}`);
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(" OR ")})`;
}
