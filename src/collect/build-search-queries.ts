import type { Meeting, RepoFullName } from "../model.js";
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

/** GitHub rejects longer queries; counted over the whole `q` string to be safe. */
export const MAX_QUERY_LENGTH = 256;

/**
 * GitHub allows five AND/OR/NOT operators per query. The queries use no explicit operator, but to
 * be safe every implicit OR counts: between repeated `repo:`/`org:` qualifiers and between the
 * labels of `label:a,b`.
 */
export const MAX_OPERATORS = 5;

/**
 * The queries that find the open issues and pull requests carrying any of the meeting's agenda
 * labels in its scope. Items of private or internal repositories can only come back from a
 * private home repo's queries, and only from the home repo and the repos in `includePrivate`.
 */
export function buildSearchQueries(meeting: Meeting, home: { private: boolean }): SearchQuery[] {
  const labelLists = packLabels(meeting);
  const publicQueries = scopeTerms(meeting.scope).flatMap((scope) =>
    labelLists.flatMap((labels) => packScope(labels, scope, { allowsPrivate: false })),
  );
  if (!home.private) return publicQueries;

  const named = privateReposShown(meeting);
  const privateQueries =
    named.length === 0
      ? []
      : labelLists.flatMap((labels) =>
          packScope(labels, { kind: "repo", values: named }, { allowsPrivate: true }),
        );
  return [...publicQueries, ...privateQueries];
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

/** Room a `label:` qualifier may take so that the base and the longest scope term still fit. */
function labelBudget(meeting: Meeting): number {
  const longestScopeTerm = Math.max(
    ...meeting.scope.orgs.map((org) => `org:${org}`.length),
    ...[...meeting.scope.repos, ...meeting.includePrivate].map((repo) => `repo:${repo}`.length),
    `repo:${meeting.home.owner}/${meeting.home.repo}`.length,
  );
  return MAX_QUERY_LENGTH - "is:open is:public ".length - 1 - longestScopeTerm;
}

interface LabelQualifier {
  text: string;
  /** How many labels it ORs together. */
  labels: number;
}

/**
 * Splits the agenda labels into `label:` qualifiers, each matching any of its labels. A label with
 * a comma gets a qualifier of its own: in `label:a,b` the comma means OR, and whether GitHub
 * honours quotes around a comma is not documented.
 */
function packLabels(meeting: Meeting): LabelQualifier[] {
  if (meeting.agendaLabels.length === 0) {
    throw new Error(`Meeting "${meeting.id}": agenda_labels is empty, so no item can be found.`);
  }
  const budget = labelBudget(meeting);
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
    if (label.includes(",")) {
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
 * Fills queries with as many scope qualifiers as the length and operator limits allow; the label
 * budget guarantees that at least one fits.
 */
function packScope(
  labels: LabelQualifier,
  scope: ScopeTerms,
  { allowsPrivate }: { allowsPrivate: boolean },
): SearchQuery[] {
  const base = allowsPrivate ? `is:open ${labels.text}` : `is:open is:public ${labels.text}`;
  const maxTerms = MAX_OPERATORS - (labels.labels - 1) + 1;

  const queries: SearchQuery[] = [];
  let values: string[] = [];
  const flush = () => {
    if (values.length === 0) return;
    const q = [base, ...values.map((value) => `${scope.kind}:${value}`)].join(" ");
    queries.push(
      scope.kind === "repo"
        ? { q, allowsPrivate, repos: values as RepoFullName[] }
        : { q, allowsPrivate, orgs: values },
    );
    values = [];
  };
  for (const value of scope.values) {
    const grown = [base, ...[...values, value].map((v) => `${scope.kind}:${v}`)].join(" ");
    if (values.length > 0 && (grown.length > MAX_QUERY_LENGTH || values.length >= maxTerms)) {
      flush();
    }
    values.push(value);
  }
  flush();
  return queries;
}
