import { GraphQLError } from "graphql";
import { matchesIssueQuery } from "../search/matches-issue-query.js";
import { parseIssueQuery } from "../search/parse-issue-query.js";
import { GitHubError } from "../route.js";
import { searchable } from "../routes/search.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { connection, type ConnectionArgs } from "./connection.js";
import { issueNode, readableRepository, userNode, type GraphqlContext } from "./nodes.js";

/** GitHub serves at most this many results of one search. */
const SEARCH_RESULT_CAP = 1000;

/** The fields of `Query` the sandbox answers. */
export function rootFields(context: GraphqlContext) {
  return {
    viewer: () => userNode(context.state, context.viewerLogin, context.urls) ?? { __typename: "User", login: context.viewerLogin },
    repository: ({ owner, name }: { owner: string; name: string }) => readableRepository(context, owner, name),
    search: (args: ConnectionArgs & { query: string; type: string }) => search(context, args),
    rateLimit: () => ({
      __typename: "RateLimit",
      cost: 1,
      limit: 5000,
      nodeCount: 0,
      remaining: 4999,
      used: 1,
      resetAt: new Date(context.now.getTime() + 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    }),
  };
}

function search(context: GraphqlContext, args: ConnectionArgs & { query: string; type: string }) {
  if (args.type !== "ISSUE") throw new GraphQLError(`The sandbox searches issues and pull requests only (type: ISSUE), not ${args.type}.`);
  let query;
  try {
    query = parseIssueQuery(args.query);
  } catch (error) {
    if (error instanceof GitHubError) throw new GraphQLError(error.errors?.[0]?.message as string ?? error.message);
    throw error;
  }
  const state = context.searchState();
  const matches: { repo: RepoRecord; issue: IssueRecord }[] = [];
  for (const repo of state.repos.values()) {
    if (!searchable(state, context.actor, repo)) continue;
    for (const issue of repo.issues.values()) if (matchesIssueQuery(query, repo, issue)) matches.push({ repo, issue });
  }
  // As the REST search: no text ranking, newest first.
  matches.sort((a, b) => b.issue.id - a.issue.id);
  const reachable = matches.slice(0, SEARCH_RESULT_CAP).map(({ repo, issue }) => issueNode(repo, issue, { ...context, state }));
  return {
    ...connection(reachable, args, "search"),
    issueCount: matches.length,
    repositoryCount: 0,
    userCount: 0,
    discussionCount: 0,
    wikiCount: 0,
    codeCount: 0,
  };
}
