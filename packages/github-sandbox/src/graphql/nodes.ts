import { canRead, repoPermission, type Actor } from "../access.js";
import type { SandboxEvent } from "../events.js";
import { authorAssociation } from "../serialize/author-association.js";
import { fullName, repoKey, type IssueRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { connection, type ConnectionArgs } from "./connection.js";
import { repositoryDiscussionFields } from "./discussion-node.js";
import { gitObjectNode } from "./git-object.js";
import { projectV2Node } from "./project-v2.js";

// GitHub's GraphQL objects as plain values and functions of their arguments, read by graphql-js's
// field resolution; `__typename` picks the member of a union or interface.

export interface GraphqlContext {
  state: SandboxState;
  actor: Actor;
  urls: SandboxUrls;
  now: Date;
  /** The state search sees (the live one, or an older copy under a search lag). */
  searchState(): SandboxState;
  /** `viewer.login`: the user, or the app's bot account for an installation. */
  viewerLogin: string;
  /** Announces a change a mutation made (its webhook); absent where nothing listens. */
  emit?: (event: SandboxEvent) => void;
}

export function userNode(state: SandboxState, login: string | null, urls: SandboxUrls) {
  const user = login === null ? undefined : state.users.get(login.toLowerCase());
  if (!user) return null;
  // GraphQL names a bot by its app's slug (`dependabot`), where REST says `dependabot[bot]`.
  const bot = user.type === "Bot";
  const graphqlLogin = bot ? user.login.replace(/\[bot\]$/, "") : user.login;
  const path = bot ? `/apps/${graphqlLogin}` : `/${graphqlLogin}`;
  return {
    __typename: user.type === "Organization" ? "Organization" : bot ? "Bot" : "User",
    id: user.nodeId,
    databaseId: user.id,
    login: graphqlLogin,
    name: user.name,
    url: `${urls.web}${path}`,
    resourcePath: path,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    createdAt: user.createdAt,
  };
}

export function repositoryNode(repo: RepoRecord, context: GraphqlContext) {
  const { state, urls } = context;
  const name = fullName(repo);
  const item = (number: number, kind: "Issue" | "PullRequest" | "either") => {
    const issue = repo.issues.get(number);
    const isPull = issue?.pullRequest !== undefined;
    if (!issue || (kind === "Issue" && isPull) || (kind === "PullRequest" && !isPull)) {
      const wanted = kind === "Issue" ? "an Issue" : kind === "PullRequest" ? "a PullRequest" : "an issue or pull request";
      throw new GraphqlNotFound(`Could not resolve to ${wanted} with the number of ${number}.`);
    }
    return issueNode(repo, issue, context);
  };
  const list = (pullRequests: boolean) => (args: ConnectionArgs & { states?: string[] | null; labels?: string[] | null }) =>
    connection(
      [...repo.issues.values()]
        .filter((issue) => (issue.pullRequest !== undefined) === pullRequests)
        .filter((issue) => !args.states?.length || args.states.includes(issue.state.toUpperCase()))
        .filter((issue) => !args.labels?.length || issue.labels.some((label) => args.labels?.some((wanted) => wanted.toLowerCase() === label.toLowerCase())))
        .map((issue) => issueNode(repo, issue, context)),
      args,
      pullRequests ? "pullRequests" : "issues",
    );
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: name,
    owner: userNode(state, repo.owner, urls),
    description: repo.description,
    url: `${urls.web}/${name}`,
    resourcePath: `/${name}`,
    isPrivate: repo.visibility !== "public",
    visibility: repo.visibility.toUpperCase(),
    isArchived: repo.archived,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    defaultBranchRef: { __typename: "Ref", name: repo.defaultBranch, prefix: "refs/heads/" },
    viewerPermission: viewerPermission(repoPermission(state, context.actor, repo)),
    object: (args: { expression?: string | null; oid?: string | null }) => gitObjectNode(repo, args),
    issue: ({ number }: { number: number }) => item(number, "Issue"),
    pullRequest: ({ number }: { number: number }) => item(number, "PullRequest"),
    issueOrPullRequest: ({ number }: { number: number }) => item(number, "either"),
    issues: list(false),
    pullRequests: list(true),
    labels: (args: ConnectionArgs) =>
      connection([...repo.labels.values()].map((label) => labelNode(repo, label.name, urls)), args, "labels"),
    // GitHub matches the name without case, and answers null for a label the repository lacks.
    label: ({ name }: { name: string }) => (repo.labels.has(name.toLowerCase()) ? labelNode(repo, name, urls) : null),
    ...repositoryDiscussionFields(repo, context),
    pinnedIssues: (args: ConnectionArgs) =>
      connection(
        (repo.pinnedIssues ?? []).flatMap((number) => {
          const issue = repo.issues.get(number);
          return issue ? [{ __typename: "PinnedIssue", id: `PIN_${issue.nodeId}`, issue: issueNode(repo, issue, context), repository: () => repositoryNode(repo, context) }] : [];
        }),
        args,
        "pinnedIssues",
      ),
  };
}

export function issueNode(repo: RepoRecord, issue: IssueRecord, context: GraphqlContext) {
  const { state, urls } = context;
  const name = fullName(repo);
  const pull = issue.pullRequest;
  const path = `/${name}/${pull ? "pull" : "issues"}/${issue.number}`;
  return {
    __typename: pull ? "PullRequest" : "Issue",
    id: issue.nodeId,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: `${urls.web}${path}`,
    resourcePath: path,
    state: pull?.mergedAt ? "MERGED" : issue.state.toUpperCase(),
    stateReason: issue.stateReason?.toUpperCase() ?? null,
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    locked: issue.locked,
    ...(pull ? {} : { isPinned: (repo.pinnedIssues ?? []).includes(issue.number) }),
    author: userNode(state, issue.author, urls),
    authorAssociation: authorAssociation(state, repo, issue.author),
    repository: () => repositoryNode(repo, context),
    labels: (args: ConnectionArgs) =>
      connection(issue.labels.map((label) => labelNode(repo, label, urls)), args, "labels"),
    assignees: (args: ConnectionArgs) =>
      connection(issue.assignees.map((login) => userNode(state, login, urls)), args, "assignees"),
    comments: (args: ConnectionArgs) =>
      connection(
        issue.comments.map((comment) => ({
          __typename: "IssueComment",
          id: comment.nodeId,
          databaseId: comment.id,
          body: comment.body,
          author: userNode(state, comment.author, urls),
          createdAt: comment.createdAt,
          updatedAt: comment.updatedAt,
          url: `${urls.web}${path}#issuecomment-${comment.id}`,
        })),
        args,
        "comments",
        issue.comments.length + issue.extraCommentCount,
      ),
    ...(pull
      ? {
          isDraft: pull.draft,
          merged: pull.mergedAt !== null,
          mergedAt: pull.mergedAt,
          headRefName: pull.head.ref,
          headRefOid: pull.head.sha,
          baseRefName: pull.base.ref,
          baseRefOid: pull.base.sha,
        }
      : {}),
  };
}

export function labelNode(repo: RepoRecord, labelName: string, urls: SandboxUrls) {
  const label = repo.labels.get(labelName.toLowerCase());
  return {
    __typename: "Label",
    id: label?.nodeId ?? "",
    name: label?.name ?? labelName,
    color: label?.color ?? "ededed",
    description: label?.description ?? null,
    isDefault: label?.default ?? false,
    url: `${urls.web}/${fullName(repo)}/labels/${encodeURIComponent(labelName)}`,
  };
}

/**
 * `repositoryOwner(login:)`: the user or organization, with the repositories it owns that the
 * actor can read (an installation: those it is installed on, and public ones), by name.
 */
export function repositoryOwnerNode(context: GraphqlContext, login: string) {
  const owner = userNode(context.state, login, context.urls);
  // GitHub answers null, without an error, for a login that owns nothing.
  if (!owner || owner.__typename === "Bot") return null;
  const repositories = (args: ConnectionArgs & { isArchived?: boolean | null }) =>
    connection(
      [...context.state.repos.values()]
        .filter((repo) => repo.owner.toLowerCase() === login.toLowerCase() && canRead(context.state, context.actor, repo))
        .filter((repo) => args.isArchived === undefined || args.isArchived === null || repo.archived === args.isArchived)
        .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
        .map((repo) => repositoryNode(repo, context)),
      args,
      "repositories",
    );
  // Organizations own Projects (v2) boards in the sandbox; a user's `projectV2` finds none.
  const projectV2 = ({ number }: { number: number }) => projectV2Node(context, owner.login, number);
  return { ...owner, repositories, projectV2 };
}

/** A readable repository, or GitHub's NOT_FOUND error. */
export function readableRepository(context: GraphqlContext, owner: string, name: string) {
  const repo = context.state.repos.get(repoKey(owner, name));
  if (!repo || !canRead(context.state, context.actor, repo)) {
    throw new GraphqlNotFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
  }
  return repositoryNode(repo, context);
}

function viewerPermission(permission: ReturnType<typeof repoPermission>): string | null {
  return permission === "none" ? null : permission.toUpperCase();
}

/** GitHub's `NOT_FOUND` error: the field is null and the error names its type. */
export class GraphqlNotFound extends Error {}

/** GitHub's `FORBIDDEN` error: the token lacks a permission the field needs. */
export class GraphqlForbidden extends Error {}
