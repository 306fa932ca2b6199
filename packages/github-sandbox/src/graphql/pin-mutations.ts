import { GraphQLError } from "graphql";
import { atLeast, canRead, repoPermission } from "../access.js";
import type { SandboxEvent } from "../events.js";
import type { IssueRecord, RepoRecord } from "../state.js";
import { GraphqlNotFound, issueNode, type GraphqlContext } from "./nodes.js";

/** GitHub pins at most three issues above a repository's issue list. */
export const PINNED_ISSUE_LIMIT = 3;

type MutationInput = { input: { issueId: string; clientMutationId?: string | null } };

/**
 * `pinIssue` and `unpinIssue`, as GitHub answers them: the issue by node id (a pull request is not
 * an issue here), write access to its repository (an app: Issues write), at most three pinned issues
 * per repository, and an `issues` webhook `pinned` or `unpinned` for each change. Pinning a pinned
 * issue, or unpinning one that is not pinned, changes nothing and sends nothing.
 */
export function pinMutations(context: GraphqlContext) {
  return {
    pinIssue: ({ input }: MutationInput) => {
      const { repo, issue } = writableIssue(context, input.issueId);
      const pinned = (repo.pinnedIssues ??= []);
      if (!pinned.includes(issue.number)) {
        if (pinned.length >= PINNED_ISSUE_LIMIT) {
          throw new GraphQLError(`Repository can't have more than ${PINNED_ISSUE_LIMIT} pinned issues. Unpin an issue to pin this one.`);
        }
        pinned.push(issue.number);
        emit(context, repo, issue, "pinned");
      }
      return { clientMutationId: input.clientMutationId ?? null, issue: issueNode(repo, issue, context) };
    },
    unpinIssue: ({ input }: MutationInput) => {
      const { repo, issue } = writableIssue(context, input.issueId);
      const pinned = repo.pinnedIssues ?? [];
      const at = pinned.indexOf(issue.number);
      if (at !== -1) {
        pinned.splice(at, 1);
        emit(context, repo, issue, "unpinned");
      }
      return { clientMutationId: input.clientMutationId ?? null, id: issue.nodeId, issue: issueNode(repo, issue, context) };
    },
  };
}

function writableIssue(context: GraphqlContext, issueId: string): { repo: RepoRecord; issue: IssueRecord } {
  for (const repo of context.state.repos.values()) {
    for (const issue of repo.issues.values()) {
      if (issue.nodeId !== issueId || issue.pullRequest || !canRead(context.state, context.actor, repo)) continue;
      if (!atLeast(repoPermission(context.state, context.actor, repo), "write")) {
        throw new GraphQLError(
          context.actor.kind === "installation" ? "Resource not accessible by integration" : `${context.viewerLogin} does not have the correct permissions to execute \`PinIssue\``,
        );
      }
      if (repo.archived) throw new GraphQLError("Repository was archived so is read-only.");
      return { repo, issue };
    }
  }
  throw new GraphqlNotFound(`Could not resolve to a node with the global id of '${issueId}'`);
}

function emit(context: GraphqlContext, repo: RepoRecord, issue: IssueRecord, action: "pinned" | "unpinned"): void {
  const event: SandboxEvent = { name: "issues", action, repo, issue, actor: context.viewerLogin, at: context.now.toISOString() };
  context.emit?.(event);
}
