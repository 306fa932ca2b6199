import { nodeId } from "../create-state.js";
import { paginate } from "../pagination.js";
import { githubTimestamp, type Route, type RouteRequest, type RouteResponse } from "../route.js";
import { serializeReaction } from "../serialize/reaction.js";
import { takeId, type ReactionContent, type ReactionRecord, type RepoRecord } from "../state.js";
import { findComment } from "./issue-comments.js";
import { findIssue } from "./find-issue.js";
import { requirePermission } from "./require-permission.js";

export const reactionRoutes: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/reactions",
    handle: (request) => listReactions(request, findIssue(request).issue.reactions),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/reactions",
    handle(request) {
      const { repo, issue } = findIssue(request);
      return react(request, repo, issue.reactions);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    handle: (request) => listReactions(request, findComment(request).comment.reactions),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    handle(request) {
      const { repo, comment } = findComment(request);
      return react(request, repo, comment.reactions);
    },
  },
];

/** Adds the caller's reaction; GitHub answers 200 with the existing one when they already reacted so. */
function react(request: RouteRequest, repo: RepoRecord, reactions: ReactionRecord[]): RouteResponse {
  requirePermission(request, repo, "read");
  const content = (request.body as { content: ReactionContent }).content;
  const existing = reactions.find((reaction) => reaction.content === content && reaction.user.toLowerCase() === request.actorLogin.toLowerCase());
  if (existing) return { status: 200, body: serializeReaction(request.state, existing, request.urls) };
  const id = takeId(request.state);
  const reaction: ReactionRecord = { id, nodeId: nodeId("REA", id), user: request.actorLogin, content, createdAt: githubTimestamp(request.now) };
  reactions.push(reaction);
  return { status: 201, body: serializeReaction(request.state, reaction, request.urls) };
}

function listReactions(request: RouteRequest, reactions: ReactionRecord[]): RouteResponse {
  const content = request.query.get("content");
  const listed = reactions.filter((reaction) => !content || reaction.content === content);
  const { items, headers } = paginate(request, listed);
  return { status: 200, headers, body: items.map((reaction) => serializeReaction(request.state, reaction, request.urls)) };
}
