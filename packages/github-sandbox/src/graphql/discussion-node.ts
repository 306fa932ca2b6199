import { atLeast, discussionPermission } from "../access.js";
import { categoryOf } from "../discussions/create-discussions.js";
import { authorAssociation } from "../serialize/author-association.js";
import { fullName, type DiscussionCategoryRecord, type DiscussionRecord, type RepoRecord } from "../state.js";
import { connection, type ConnectionArgs } from "./connection.js";
import { GraphqlForbidden, GraphqlNotFound, labelNode, repositoryNode, userNode, type GraphqlContext } from "./nodes.js";

// Discussions as GitHub's GraphQL answers them. Reading them takes what reading the repository
// takes and, for an app's installation, the `discussions` permission: without it every discussion
// field is GitHub's FORBIDDEN "Resource not accessible by integration". A repository whose
// Discussions tab is off lists none and finds no number.

export interface DiscussionListArgs extends ConnectionArgs {
  categoryId?: string | null;
  states?: string[] | null;
  answered?: boolean | null;
  orderBy?: { field: "CREATED_AT" | "UPDATED_AT"; direction: "ASC" | "DESC" } | null;
}

/** `Repository`'s discussion fields. */
export function repositoryDiscussionFields(repo: RepoRecord, context: GraphqlContext) {
  const visible = () => {
    requireDiscussionAccess(context, repo);
    return repo.hasDiscussions ? { discussions: [...(repo.discussions?.values() ?? [])], categories: repo.discussionCategories ?? [] } : { discussions: [], categories: [] };
  };
  return {
    hasDiscussionsEnabled: repo.hasDiscussions ?? false,
    discussion: ({ number }: { number: number }) => {
      const discussion = visible().discussions.find((candidate) => candidate.number === number);
      if (!discussion) throw new GraphqlNotFound(`Could not resolve to a Discussion with the number of ${number}.`);
      return discussionNode(repo, discussion, context);
    },
    discussions: (args: DiscussionListArgs) => {
      const { field = "UPDATED_AT", direction = "DESC" } = args.orderBy ?? {};
      const key = (discussion: DiscussionRecord) => (field === "CREATED_AT" ? discussion.createdAt : discussion.updatedAt);
      const listed = visible()
        .discussions.filter((discussion) => !args.categoryId || discussion.categoryId === args.categoryId)
        .filter((discussion) => !args.states?.length || args.states.includes(discussion.closed ? "CLOSED" : "OPEN"))
        .filter(() => args.answered !== true)
        .sort((a, b) => (direction === "ASC" ? 1 : -1) * (key(a).localeCompare(key(b)) || a.number - b.number));
      return connection(listed.map((discussion) => discussionNode(repo, discussion, context)), args, "discussions");
    },
    discussionCategories: (args: ConnectionArgs & { filterByAssignable?: boolean | null }) => {
      // Only maintainers may start a discussion in an announcement category.
      const maintains = atLeast(discussionPermission(context.state, context.actor, repo), "maintain");
      const categories = visible().categories.filter((category) => !args.filterByAssignable || maintains || category.slug !== "announcements");
      return connection(categories.map((category) => categoryNode(repo, category, context)), args, "discussionCategories");
    },
    discussionCategory: ({ slug }: { slug: string }) => {
      const category = visible().categories.find((candidate) => candidate.slug === slug.toLowerCase());
      return category ? categoryNode(repo, category, context) : null;
    },
  };
}

/** GitHub's FORBIDDEN for an installation without the `discussions` permission. */
export function requireDiscussionAccess(context: GraphqlContext, repo: RepoRecord): void {
  if (discussionPermission(context.state, context.actor, repo) === "none") throw new GraphqlForbidden("Resource not accessible by integration");
}

export function discussionNode(repo: RepoRecord, discussion: DiscussionRecord, context: GraphqlContext) {
  const { state, urls } = context;
  const path = `/${fullName(repo)}/discussions/${discussion.number}`;
  const category = categoryOf(repo, discussion);
  return {
    __typename: "Discussion",
    id: discussion.nodeId,
    databaseId: discussion.id,
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    bodyText: discussion.body,
    url: `${urls.web}${path}`,
    resourcePath: path,
    author: userNode(state, discussion.author, urls),
    authorAssociation: authorAssociation(state, repo, discussion.author),
    category: categoryNode(repo, category, context),
    labels: (args: ConnectionArgs) => connection(discussion.labels.map((label) => labelNode(repo, label, urls)), args, "labels"),
    closed: discussion.closed,
    closedAt: discussion.closedAt,
    stateReason: discussion.stateReason?.toUpperCase() ?? null,
    locked: discussion.locked,
    activeLockReason: null,
    createdAt: discussion.createdAt,
    publishedAt: discussion.createdAt,
    updatedAt: discussion.updatedAt,
    lastEditedAt: null,
    // The sandbox models no comments, so no answer: an answerable discussion is unanswered.
    isAnswered: category.isAnswerable ? false : null,
    answer: null,
    answerChosenAt: null,
    answerChosenBy: null,
    upvoteCount: 0,
    comments: (args: ConnectionArgs) => connection([], args, "comments"),
    repository: () => repositoryNode(repo, context),
  };
}

export function categoryNode(repo: RepoRecord, category: DiscussionCategoryRecord, context: GraphqlContext) {
  return {
    __typename: "DiscussionCategory",
    id: category.nodeId,
    name: category.name,
    slug: category.slug,
    emoji: category.emoji,
    description: category.description,
    isAnswerable: category.isAnswerable,
    createdAt: category.createdAt,
    updatedAt: category.createdAt,
    repository: () => repositoryNode(repo, context),
  };
}
