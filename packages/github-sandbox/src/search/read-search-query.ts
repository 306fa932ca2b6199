import { canRead, type Actor } from "../access.js";
import { GitHubError } from "../route.js";
import { repoKey, type SandboxState } from "../state.js";
import { parseAdvancedQuery } from "./parse-advanced-query.js";
import { parseLegacyQuery } from "./parse-legacy-query.js";
import { qualifiersOf, requiredQualifiers, searchInvalid, type QueryNode } from "./query-tree.js";

/** The first GitHub Enterprise Server release whose issue search knows advanced search. */
const FIRST_ADVANCED_ENTERPRISE = [3, 17];

export interface SearchServer {
  state: SandboxState;
  actor: Actor;
  /** Undefined for github.com. */
  enterpriseVersion: string | undefined;
}

/**
 * An issue search query as GitHub reads it, or its 422: the syntax the server speaks (advanced on
 * github.com; on GitHub Enterprise Server from 3.17, when `advanced_search=true` asks for it), a
 * type (`is:issue` or `is:pull-request`) where the token needs one, and scope qualifiers that
 * name organizations and repositories the searcher can see.
 */
export function readSearchQuery(server: SearchServer, q: string, advancedSearch: string | null): QueryNode {
  const advanced = server.enterpriseVersion === undefined || (advancedSearch === "true" && knowsAdvancedSearch(server.enterpriseVersion));
  const query = advanced ? parseAdvancedQuery(q) : parseLegacyQuery(q);
  if (server.actor.kind === "user" && server.actor.token !== undefined && server.actor.token !== "classic" && !typed(query)) {
    // Not a "Validation Failed" with errors: GitHub says this one in the answer's own message.
    throw new GitHubError(422, "Query must include 'is:issue' or 'is:pull-request'");
  }
  checkScope(server, query);
  return query;
}

function knowsAdvancedSearch(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [firstMajor = 0, firstMinor = 0] = FIRST_ADVANCED_ENTERPRISE;
  return major > firstMajor || (major === firstMajor && minor >= firstMinor);
}

/** Whether every match is of one type: the query requires `is:issue` or `is:pull-request` (or `type:`). */
function typed(query: QueryNode): boolean {
  return requiredQualifiers(query).some(
    (qualifier) =>
      (qualifier.key === "is" || qualifier.key === "type") &&
      qualifier.values.length === 1 &&
      ["issue", "pr", "pull-request"].includes(qualifier.values[0]?.toLowerCase() ?? ""),
  );
}

/** GitHub refuses a search (of issues or discussions) naming an account or repository that does not exist or that the searcher cannot see. */
export function checkScope({ state, actor }: SearchServer, query: QueryNode): void {
  const exists = (key: string, value: string): boolean => {
    if (key === "repo") {
      const [owner = "", name = ""] = value.split("/");
      const repo = state.repos.get(repoKey(owner, name));
      return repo !== undefined && canRead(state, actor, repo);
    }
    const account = value.toLowerCase();
    return state.orgs.has(account) || (key === "user" && state.users.has(account));
  };
  for (const qualifier of qualifiersOf(query)) {
    if (!["repo", "org", "user"].includes(qualifier.key)) continue;
    if (qualifier.values.every((value) => exists(qualifier.key, value))) continue;
    throw searchInvalid(
      "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.",
    );
  }
}
