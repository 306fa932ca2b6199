// The sandbox's model of GitHub: plain records that routes read and change, and that the
// serializers turn into GitHub's JSON. Keys of maps are lower-cased where GitHub compares names
// case-insensitively (logins, repository names, label names).

import type { DiscussionCategoryRecord, DiscussionRecord } from "./discussions/discussion-records.js";

export type { DiscussionCategoryRecord, DiscussionRecord } from "./discussions/discussion-records.js";

export type RepoRole = "read" | "triage" | "write" | "maintain" | "admin";
export type BasePermission = "none" | "read" | "write" | "admin";
export type Visibility = "public" | "private" | "internal";

export interface UserRecord {
  id: number;
  nodeId: string;
  login: string;
  name: string | null;
  type: "User" | "Organization" | "Bot";
  createdAt: string;
}

export interface TeamRecord {
  id: number;
  nodeId: string;
  slug: string;
  name: string;
  /** Lower-cased logins. */
  members: Set<string>;
  /** Lower-cased repository name → the role the team grants on it. */
  repos: Map<string, RepoRole>;
}

export interface OrgRecord {
  /** The organization's account (login, id) lives in `users` too, as GitHub shares the namespace. */
  login: string;
  /** Lower-cased logins. */
  members: Set<string>;
  owners: Set<string>;
  /** Lower-cased logins of the members whose membership is public. */
  publicMembers: Set<string>;
  basePermission: BasePermission;
  /** Keyed by slug. */
  teams: Map<string, TeamRecord>;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface ReactionRecord {
  id: number;
  nodeId: string;
  user: string;
  content: ReactionContent;
  createdAt: string;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  reactions: ReactionRecord[];
}

export interface PullRequestRecord {
  id: number;
  nodeId: string;
  draft: boolean;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  mergedAt: string | null;
  /** The commit the merge made on the base branch. */
  mergeCommitSha?: string;
  /** Login of who merged it. */
  mergedBy?: string;
}

export type CheckRunStatus = "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
export type CheckRunConclusion = "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required";

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunRecord {
  id: number;
  nodeId: string;
  name: string;
  headSha: string;
  status: CheckRunStatus;
  conclusion: CheckRunConclusion | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: CheckRunAnnotation[] };
  /** The check suite GitHub groups a commit's runs of one app in. */
  checkSuiteId: number;
}

/** An issue or, when `pullRequest` is set, a pull request: GitHub numbers both in one sequence. */
export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  /** Login; null for a deleted user ("ghost"). */
  author: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  /** Label names as shown, in the order they were added; each exists in the repository's labels. */
  labels: string[];
  assignees: string[];
  locked: boolean;
  activeLockReason: "off-topic" | "too heated" | "resolved" | "spam" | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Comments counted by the snapshot, before any comment record exists. */
  extraCommentCount: number;
  comments: CommentRecord[];
  reactions: ReactionRecord[];
  pullRequest?: PullRequestRecord;
}

export type PullRequestIssue = IssueRecord & { pullRequest: PullRequestRecord };

export type GitObject =
  | { type: "blob"; content: Buffer }
  | { type: "tree"; entries: TreeEntry[] }
  | {
      type: "commit";
      tree: string;
      parents: string[];
      message: string;
      author: GitSignature;
      committer: GitSignature;
    };

export interface TreeEntry {
  path: string;
  mode: "100644" | "100755" | "040000" | "160000" | "120000";
  type: "blob" | "tree" | "commit";
  sha: string;
}

export interface GitSignature {
  name: string;
  email: string;
  date: string;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  /** The owner's login as written. */
  owner: string;
  name: string;
  description: string | null;
  visibility: Visibility;
  archived: boolean;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  /** Lower-cased login → role. */
  collaborators: Map<string, RepoRole>;
  /** Lower-cased name → label. */
  labels: Map<string, LabelRecord>;
  issues: Map<number, IssueRecord>;
  /**
   * The highest number the repository has handed out to an issue, pull request or discussion:
   * GitHub never hands a number out again, even once its issue is deleted or transferred away.
   */
  lastNumber?: number;
  /** Full ref name (`refs/heads/main`) → commit sha. */
  refs: Map<string, string>;
  /** Git objects by sha. */
  objects: Map<string, GitObject>;
  /** The app's check runs, oldest first. */
  checkRuns: CheckRunRecord[];
  /** Issues transferred away, by their old number: where GitHub redirects their old URL. */
  transferred?: Map<number, { repoId: number; number: number }>;
  /** Numbers of the pinned issues, in the order they were pinned (at most three). */
  pinnedIssues?: number[];
  /** Whether the repository's Discussions tab is on; off, its discussions are kept but hidden. */
  hasDiscussions?: boolean;
  discussionCategories?: DiscussionCategoryRecord[];
  discussions?: Map<number, DiscussionRecord>;
}

export interface InstallationRecord {
  id: number;
  /** Login of the organization or user the app is installed on. */
  account: string;
  /** Lower-cased repository names, or "all". */
  repositories: "all" | Set<string>;
  /**
   * `github-actions`: GitHub Actions' own installation in one repository, whose token is a
   * workflow run's `GITHUB_TOKEN` (it acts as `github-actions[bot]`); absent for the app's.
   */
  app?: "github-actions";
  /** The permissions granted to the installation, by GitHub's names; by default the app's (SANDBOX_APP). */
  permissions?: Record<string, "read" | "write">;
  /** The webhook events it is subscribed to; by default the app's. */
  events?: string[];
}

/** A Projects (v2) field: single-select fields have options; text, number and date fields hold their values as text. */
export interface ProjectFieldRecord {
  id: number;
  nodeId: string;
  name: string;
  dataType: "SINGLE_SELECT" | "TEXT" | "NUMBER" | "DATE";
  options: { id: string; name: string }[];
}

/** An item of a project: an issue or pull request by its repository and number, or a draft issue of the project's own. */
export interface ProjectItemRecord {
  id: number;
  nodeId: string;
  content: { kind: "issue"; repo: string; number: number } | { kind: "draft"; nodeId: string; title: string; body: string };
  /** Lower-cased field name → the option's name (single select) or the text. */
  values: Map<string, string>;
  archivedAt: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

/** A Projects (v2) board of an organization. */
export interface ProjectRecord {
  id: number;
  nodeId: string;
  /** The owning organization's login as written. */
  owner: string;
  number: number;
  title: string;
  public: boolean;
  closed: boolean;
  createdAt: string;
  fields: ProjectFieldRecord[];
  items: ProjectItemRecord[];
}

export interface SandboxState {
  /** Lower-cased login → user or organization account. */
  users: Map<string, UserRecord>;
  /** Lower-cased login → organization. */
  orgs: Map<string, OrgRecord>;
  /** Lower-cased `owner/name` → repository. */
  repos: Map<string, RepoRecord>;
  installations: InstallationRecord[];
  /** GitHub Actions' installations, one per repository a workflow token was handed out for; never the app's. */
  workflowInstallations?: InstallationRecord[];
  /** Projects (v2) boards, of the snapshot's organizations. */
  projects?: ProjectRecord[];
  /** The next id handed out for any record: GitHub ids only grow. */
  nextId: number;
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function fullName(repo: RepoRecord): string {
  return `${repo.owner}/${repo.name}`;
}

export function takeId(state: SandboxState): number {
  return state.nextId++;
}
