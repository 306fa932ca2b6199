import { GraphQLError } from "graphql";
import { atLeast, canRead, discussionPermission } from "../access.js";
import { changeDiscussion } from "../discussions/discussion-changes.js";
import type { DiscussionRecord, RepoRecord } from "../state.js";
import { discussionNode } from "./discussion-node.js";
import { GraphqlForbidden, GraphqlNotFound, type GraphqlContext } from "./nodes.js";

type LabelsInput = { input: { labelableId: string; labelIds: string[]; clientMutationId?: string | null } };

/**
 * `addLabelsToLabelable` and `removeLabelsFromLabelable` on a discussion, as GitHub answers them:
 * triage on its repository (an app: `discussions: write`), labels by the node ids of the
 * repository's own labels (any other id is GitHub's NOT_FOUND for that id, and nothing changes),
 * one `discussion` webhook `labeled` or `unlabeled` per label that changes.
 */
export function labelMutations(context: GraphqlContext) {
  const world = { state: context.state, clock: { now: () => context.now }, emitChange: (event: Parameters<NonNullable<GraphqlContext["emit"]>>[0]) => context.emit?.(event) };
  const relabel = (mutation: string, change: "addLabels" | "removeLabels") => ({ input }: LabelsInput) => {
    const { repo, discussion } = labelableDiscussion(context, input.labelableId, mutation);
    const names = input.labelIds.map((id) => {
      const label = [...repo.labels.values()].find((candidate) => candidate.nodeId === id);
      if (!label) throw new GraphqlNotFound(`Could not resolve to a node with the global id of '${id}'`);
      return label.name;
    });
    changeDiscussion(world, repo, discussion, { [change]: names }, context.viewerLogin);
    return { clientMutationId: input.clientMutationId ?? null, labelable: discussionNode(repo, discussion, context) };
  };
  return {
    addLabelsToLabelable: relabel("AddLabelsToLabelable", "addLabels"),
    removeLabelsFromLabelable: relabel("RemoveLabelsFromLabelable", "removeLabels"),
  };
}

function labelableDiscussion(context: GraphqlContext, id: string, mutation: string): { repo: RepoRecord; discussion: DiscussionRecord } {
  for (const repo of context.state.repos.values()) {
    if (!repo.hasDiscussions || !canRead(context.state, context.actor, repo)) continue;
    const discussion = [...(repo.discussions?.values() ?? [])].find((candidate) => candidate.nodeId === id);
    if (!discussion) continue;
    const permission = discussionPermission(context.state, context.actor, repo);
    if (context.actor.kind === "installation" && permission !== "write") throw new GraphqlForbidden("Resource not accessible by integration");
    if (!atLeast(permission, "triage")) throw new GraphQLError(`${context.viewerLogin} does not have the correct permissions to execute \`${mutation}\``);
    return { repo, discussion };
  }
  // Issues and pull requests are labelled through REST in the sandbox.
  throw new GraphqlNotFound(`Could not resolve to a node with the global id of '${id}'`);
}
