import { canRead } from "../access.js";
import { categoryNode, discussionNode, requireDiscussionAccess } from "./discussion-node.js";
import { GraphqlNotFound, issueNode, repositoryNode, type GraphqlContext } from "./nodes.js";

// `node(id:)` and `nodes(ids:)`: the records a client looks up by node id, those of the
// repositories the actor can read. An unknown or unseen id is GitHub's NOT_FOUND; `nodes` answers
// null in its place, with the error at its index.

export function nodeById(context: GraphqlContext, id: string) {
  for (const repo of context.state.repos.values()) {
    if (!canRead(context.state, context.actor, repo)) continue;
    if (repo.nodeId === id) return repositoryNode(repo, context);
    for (const issue of repo.issues.values()) if (issue.nodeId === id) return issueNode(repo, issue, context);
    if (!repo.hasDiscussions) continue;
    const discussion = [...(repo.discussions?.values() ?? [])].find((candidate) => candidate.nodeId === id);
    const category = repo.discussionCategories?.find((candidate) => candidate.nodeId === id);
    if (discussion || category) requireDiscussionAccess(context, repo);
    if (discussion) return discussionNode(repo, discussion, context);
    if (category) return categoryNode(repo, category, context);
  }
  throw new GraphqlNotFound(`Could not resolve to a node with the global id of '${id}'`);
}

/** graphql-js completes an Error in a list as that item's error, the item null. */
export function nodesByIds(context: GraphqlContext, ids: string[]): unknown[] {
  return ids.map((id) => {
    try {
      return nodeById(context, id);
    } catch (error) {
      return error;
    }
  });
}
