import { GraphQLError } from "graphql";
import { GitHubError, githubTimestamp } from "../route.js";
import { checkScope, readSearchQuery } from "../search/read-search-query.js";
import { parseDiscussionQuery, searchDiscussions } from "../search/search-discussions.js";
import { SEARCH_RESULT_CAP, searchIssues } from "../search/search-issues.js";
import { connection, type ConnectionArgs } from "./connection.js";
import { discussionNode } from "./discussion-node.js";
import { nodeById, nodesByIds } from "./node-by-id.js";
import { organizationNode } from "./team-node.js";
import { issueNode, readableRepository, repositoryOwnerNode, userNode, type GraphqlContext } from "./nodes.js";

/** The fields of `Query` the sandbox answers. */
export function rootFields(context: GraphqlContext) {
  return {
    viewer: () => userNode(context.state, context.viewerLogin, context.urls) ?? { __typename: "User", login: context.viewerLogin },
    repository: ({ owner, name }: { owner: string; name: string }) => readableRepository(context, owner, name),
    repositoryOwner: ({ login }: { login: string }) => repositoryOwnerNode(context, login),
    organization: ({ login }: { login: string }) => organizationNode(context, login),
    node: ({ id }: { id: string }) => nodeById(context, id),
    nodes: ({ ids }: { ids: string[] }) => nodesByIds(context, ids),
    search: (args: ConnectionArgs & { query: string; type: string }) => (args.type === "DISCUSSION" ? searchForDiscussions(context, args) : search(context, args)),
    rateLimit: () => ({
      __typename: "RateLimit",
      cost: 1,
      limit: 5000,
      nodeCount: 0,
      remaining: 4999,
      used: 1,
      resetAt: githubTimestamp(new Date(context.now.getTime() + 60 * 60 * 1000)),
    }),
  };
}

function search(context: GraphqlContext, args: ConnectionArgs & { query: string; type: string }) {
  if (args.type !== "ISSUE") throw new GraphQLError(`The sandbox searches issues, pull requests and discussions only (type: ISSUE or DISCUSSION), not ${args.type}.`);
  const state = context.searchState();
  let query;
  try {
    // GraphQL's issue search is advanced search since 2025-09-04, on github.com as the sandbox
    // answers; the type a token kind may need is REST's rule (the GraphQL search has its own `type`).
    const actor = context.actor.kind === "user" ? { kind: "user" as const, login: context.actor.login } : context.actor;
    query = readSearchQuery({ state, actor, enterpriseVersion: undefined }, args.query, "true");
  } catch (error) {
    throw asGraphqlError(error);
  }
  const matches = searchIssues(state, context.actor, query);
  const reachable = matches.slice(0, SEARCH_RESULT_CAP).map(({ repo, issue }) => issueNode(repo, issue, { ...context, state }));
  return searchConnection(reachable, args, { issueCount: matches.length });
}

function searchForDiscussions(context: GraphqlContext, args: ConnectionArgs & { query: string }) {
  const state = context.searchState();
  let query;
  try {
    query = parseDiscussionQuery(args.query);
    checkScope({ state, actor: context.actor, enterpriseVersion: undefined }, query);
  } catch (error) {
    throw asGraphqlError(error);
  }
  const matches = searchDiscussions(state, context.actor, query);
  const reachable = matches.slice(0, SEARCH_RESULT_CAP).map(({ repo, discussion }) => discussionNode(repo, discussion, { ...context, state }));
  return searchConnection(reachable, args, { discussionCount: matches.length });
}

/** GraphQL's search: a page of results, and the count of its own type's matches (the other counts 0). */
function searchConnection(nodes: unknown[], args: ConnectionArgs, count: { issueCount?: number; discussionCount?: number }) {
  return { ...connection(nodes, args, "search"), issueCount: 0, repositoryCount: 0, userCount: 0, discussionCount: 0, wikiCount: 0, codeCount: 0, ...count };
}

/** A REST-style refusal of a query (422 with its errors) as GraphQL words it: the first error's message. */
function asGraphqlError(error: unknown): unknown {
  if (error instanceof GitHubError) return new GraphQLError((error.errors?.[0]?.message as string) ?? error.message);
  return error;
}
