import { senderLacks } from "../access.js";
import { addLabel, ensureUser, nodeId } from "../create-state.js";
import { githubTimestamp } from "../route.js";
import { takeIssueNumber } from "../routes/issues.js";
import type { SandboxEvent } from "../events.js";
import { repoKey, takeId, type DiscussionRecord, type RepoRecord, type SandboxState } from "../state.js";
import { enableDiscussions, findCategory } from "./create-discussions.js";
import { transferRefusal } from "../transfer-rules.js";

// What people do to discussions on GitHub's pages (the sandbox answers no GraphQL mutation for
// most of them): each change as its `discussion` webhook announces it. Tests call these directly,
// and the control endpoints through them. A returned string says what is wrong.

/** What a change needs of the sandbox (a `Sandbox` is one): its state, its clock, and where changes are announced. */
export interface DiscussionWorld {
  state: SandboxState;
  clock: { now(): Date };
  emitChange(event: SandboxEvent): void;
}

type DiscussionEvent = Extract<SandboxEvent, { name: "discussion" }>;
/** A discussion event without what every event has. */
type DiscussionChangeEvent = DiscussionEvent extends infer Each ? (Each extends DiscussionEvent ? Omit<Each, "name" | "repo" | "actor" | "at"> : never) : never;

/** A repository of the sandbox by `owner/name`. */
export function discussionRepo(sandbox: DiscussionWorld, fullName: string): RepoRecord | string {
  const [owner = "", name = ""] = fullName.split("/");
  return sandbox.state.repos.get(repoKey(owner, name)) ?? `${fullName} is not a repository of the sandbox`;
}

/** Turns the repository's Discussions tab on, with GitHub's default categories. */
export function turnOnDiscussions(sandbox: DiscussionWorld, repo: RepoRecord): void {
  enableDiscussions(sandbox.state, repo, githubTimestamp(sandbox.clock.now()));
}

export interface NewDiscussion {
  title: string;
  body?: string;
  /** A category's name or slug; General by default. */
  category?: string;
  labels?: string[];
}

/** Starts a discussion as `sender`: `created`, then one `labeled` per label, as GitHub sends them. */
export function startDiscussion(sandbox: DiscussionWorld, repo: RepoRecord, definition: NewDiscussion, sender: string): DiscussionRecord | string {
  if (!repo.hasDiscussions) return `${repo.owner}/${repo.name} has discussions turned off`;
  const category = findCategory(repo, definition.category ?? "General");
  if (!category) return `category: ${repo.owner}/${repo.name} has no discussion category ${definition.category}`;
  const at = githubTimestamp(sandbox.clock.now());
  const id = takeId(sandbox.state);
  const discussion: DiscussionRecord = {
    id,
    nodeId: nodeId("D", id),
    number: takeIssueNumber(repo),
    title: definition.title,
    body: definition.body ?? "",
    author: ensureUser(sandbox.state, sender).login,
    categoryId: category.nodeId,
    labels: [],
    closed: false,
    stateReason: null,
    closedAt: null,
    locked: false,
    createdAt: at,
    updatedAt: at,
  };
  repo.discussions?.set(discussion.number, discussion);
  announce(sandbox, repo, sender, { action: "created", discussion });
  changeDiscussion(sandbox, repo, discussion, { addLabels: definition.labels ?? [] }, sender);
  return discussion;
}

export interface DiscussionChange {
  title?: string;
  body?: string;
  addLabels?: string[];
  removeLabels?: string[];
  /** Closes (with a reason, `resolved` by default) or reopens. */
  closed?: boolean;
  stateReason?: "resolved" | "outdated" | "duplicate";
  category?: string;
  locked?: boolean;
}

/** Changes a discussion as `sender`, one webhook per change; what changes nothing sends nothing. */
export function changeDiscussion(sandbox: DiscussionWorld, repo: RepoRecord, discussion: DiscussionRecord, change: DiscussionChange, sender: string): string | undefined {
  const category = change.category === undefined ? undefined : findCategory(repo, change.category);
  if (change.category !== undefined && !category) return `category: ${repo.owner}/${repo.name} has no discussion category ${change.category}`;
  const at = githubTimestamp(sandbox.clock.now());
  const touch = () => (discussion.updatedAt = at);
  if ((change.title !== undefined && change.title !== discussion.title) || (change.body !== undefined && change.body !== discussion.body)) {
    const changes = {
      ...(change.title !== undefined && change.title !== discussion.title && { title: { from: discussion.title } }),
      ...(change.body !== undefined && change.body !== discussion.body && { body: { from: discussion.body } }),
    };
    discussion.title = change.title ?? discussion.title;
    discussion.body = change.body ?? discussion.body;
    touch();
    announce(sandbox, repo, sender, { action: "edited", discussion, changes });
  }
  for (const name of change.addLabels ?? []) {
    const label = addLabel(sandbox.state, repo, name);
    if (discussion.labels.some((existing) => existing.toLowerCase() === label.name.toLowerCase())) continue;
    discussion.labels.push(label.name);
    touch();
    announce(sandbox, repo, sender, { action: "labeled", discussion, label });
  }
  for (const name of change.removeLabels ?? []) {
    const at = discussion.labels.findIndex((existing) => existing.toLowerCase() === name.toLowerCase());
    const label = repo.labels.get(name.toLowerCase());
    if (at === -1 || !label) continue;
    discussion.labels.splice(at, 1);
    touch();
    announce(sandbox, repo, sender, { action: "unlabeled", discussion, label });
  }
  if (category && category.nodeId !== discussion.categoryId) {
    const from = repo.discussionCategories?.find((candidate) => candidate.nodeId === discussion.categoryId);
    discussion.categoryId = category.nodeId;
    touch();
    if (from) announce(sandbox, repo, sender, { action: "category_changed", discussion, changes: { category: { from } } });
  }
  if (change.closed !== undefined && change.closed !== discussion.closed) {
    discussion.closed = change.closed;
    discussion.stateReason = change.closed ? (change.stateReason ?? "resolved") : "reopened";
    discussion.closedAt = change.closed ? at : null;
    touch();
    announce(sandbox, repo, sender, { action: change.closed ? "closed" : "reopened", discussion });
  }
  if (change.locked !== undefined && change.locked !== discussion.locked) {
    discussion.locked = change.locked;
    touch();
    announce(sandbox, repo, sender, { action: change.locked ? "locked" : "unlocked", discussion });
  }
  return undefined;
}

// Who may do what to a discussion is GitHub's table of repository roles: deleting one takes
// triage, transferring one write, and the target must be one where the sender may start one
// (read). Its "Managing discussions" page adds that a discussion moves only between repositories
// of one owner, and never from a private repository to a public one.

/** Deletes a discussion, as someone with triage access can: `deleted`. */
export function deleteDiscussion(sandbox: DiscussionWorld, repo: RepoRecord, discussion: DiscussionRecord, sender: string): string | undefined {
  const refused = senderLacks(sandbox.state, sender, repo, "triage");
  if (refused) return refused;
  repo.discussions?.delete(discussion.number);
  announce(sandbox, repo, sender, { action: "deleted", discussion: structuredClone(discussion) });
  return undefined;
}

/** Moves a discussion to `target` under its next number, in its category of the same name (General otherwise): `transferred`. */
export function transferDiscussion(sandbox: DiscussionWorld, repo: RepoRecord, discussion: DiscussionRecord, target: RepoRecord, sender: string): DiscussionRecord | string {
  const disallowed = transferRefusal("discussion", repo, target);
  if (disallowed) return disallowed;
  if (!target.hasDiscussions) return `to: ${target.owner}/${target.name} has discussions turned off`;
  const refused = senderLacks(sandbox.state, sender, repo, "write") ?? senderLacks(sandbox.state, sender, target, "read");
  if (refused) return refused;
  const before = structuredClone(discussion);
  const fromCategory = repo.discussionCategories?.find((candidate) => candidate.nodeId === discussion.categoryId);
  const category = findCategory(target, fromCategory?.name ?? "General") ?? findCategory(target, "General");
  if (!category) return `to: ${target.owner}/${target.name} has no General category`;
  const id = takeId(sandbox.state);
  const moved: DiscussionRecord = {
    ...discussion,
    id,
    nodeId: nodeId("D", id),
    number: takeIssueNumber(target),
    categoryId: category.nodeId,
    // Labels travel when the target has labels of the same names.
    labels: discussion.labels.flatMap((label) => target.labels.get(label.toLowerCase())?.name ?? []),
    updatedAt: githubTimestamp(sandbox.clock.now()),
  };
  repo.discussions?.delete(discussion.number);
  target.discussions?.set(moved.number, moved);
  announce(sandbox, repo, sender, { action: "transferred", discussion: before, moved: { repo: target, discussion: moved } });
  return moved;
}

function announce(sandbox: DiscussionWorld, repo: RepoRecord, actor: string, event: DiscussionChangeEvent): void {
  sandbox.emitChange({ name: "discussion", repo, actor, at: githubTimestamp(sandbox.clock.now()), ...event, discussion: structuredClone(event.discussion) } as DiscussionEvent);
}
