import type { GitHub } from "../github.js";

/** How the server searches, and what the token may search: the shape the app's queries must take. */
export interface SearchDialect {
  /** Advanced search: explicit `OR` and parentheses (github.com; GitHub Enterprise Server from 3.17, asked for with `advanced_search=true`). */
  advanced: boolean;
  /** GitHub Enterprise Server, which searches with the advanced syntax only when asked (`advanced_search=true`). */
  enterprise: boolean;
  /** The token may search only with `is:issue` or `is:pull-request`: GitHub App user tokens and fine-grained personal tokens. */
  typed: boolean;
  /** The search does not read `label:a,b` as any of the labels (discussion search): one label a query. */
  labelsApart?: boolean;
}

export const GITHUB_COM_SEARCH: SearchDialect = { advanced: true, enterprise: false, typed: false };

/**
 * The first GitHub Enterprise Server release with advanced issue search: the first whose REST
 * description has search's `advanced_search` parameter.
 */
const FIRST_ADVANCED_ENTERPRISE: [number, number] = [3, 17];

/** Token prefixes of the kinds that must name a type (GitHub App user-to-server, fine-grained personal). */
const TYPED_TOKEN_PREFIXES = ["ghu_", "github_pat_"];

const typedClients = new WeakSet<object>();

/**
 * Records the token a person's client was made with (the app's installation tokens may search
 * both types at once), so that its searches name a type where the token kind needs one.
 */
export function bindSearchToken(octokit: GitHub, token: string): GitHub {
  if (TYPED_TOKEN_PREFIXES.some((prefix) => token.startsWith(prefix))) typedClients.add(octokit);
  return octokit;
}

/**
 * The dialect of the server that sent `headers` (GitHub Enterprise Server names its version in
 * `X-GitHub-Enterprise-Version` on every answer; github.com does not), for the client's token.
 */
export function searchDialect(octokit: GitHub, headers: Record<string, unknown>): SearchDialect {
  const version = headers["x-github-enterprise-version"];
  return {
    advanced: typeof version !== "string" || enterpriseHasAdvancedSearch(version),
    enterprise: typeof version === "string",
    typed: typedClients.has(octokit),
  };
}

function enterpriseHasAdvancedSearch(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [firstMajor, firstMinor] = FIRST_ADVANCED_ENTERPRISE;
  return major > firstMajor || (major === firstMajor && minor >= firstMinor);
}
