import type { CommentRecord, DiscussionCategoryRecord, DiscussionRecord, IssueRecord, LabelRecord, OrgRecord, ProjectItemRecord, ProjectRecord, RepoRecord, TeamRecord } from "./state.js";

// Domain events, one per change, in the order the changes happen. Records are the live ones:
// a listener that keeps data for later must copy what it needs.

interface EventBase {
  repo: RepoRecord;
  /** Login of who made the change; an app installation acts as `<app>[bot]`. */
  actor: string;
  /** ISO instant on the sandbox clock. */
  at: string;
}

/** A Projects (v2) item changed: an organization's event, of no repository; `item` is a copy of it as it is after the change. */
export interface ProjectItemEvent {
  name: "projects_v2_item";
  action: "created" | "edited" | "archived" | "restored" | "deleted" | "converted";
  project: ProjectRecord;
  item: ProjectItemRecord;
  /** As GitHub's payload gives them (`field_value`, `archived_at`, `content_type`). */
  changes?: Record<string, unknown>;
  repo?: undefined;
  actor: string;
  at: string;
}

export type SandboxEvent =
  | ProjectItemEvent
  | (EventBase & {
      name: "issues" | "pull_request";
      action: "opened" | "edited" | "closed" | "reopened" | "locked" | "unlocked" | "pinned" | "unpinned";
      issue: IssueRecord;
      changes?: { title?: { from: string }; body?: { from: string | null }; base?: { ref: { from: string }; sha: { from: string } } };
    })
  | (EventBase & { name: "issues" | "pull_request"; action: "labeled" | "unlabeled"; issue: IssueRecord; label: LabelRecord })
  | (EventBase & { name: "pull_request"; action: "synchronize"; issue: IssueRecord; before: string; after: string })
  /** The issue was moved to `newRepo` as `newIssue`; `issue` is a copy of it as it was. */
  | (EventBase & { name: "issues"; action: "transferred"; issue: IssueRecord; newRepo: RepoRecord; newIssue: IssueRecord })
  /** `issue` is a copy of the deleted issue. */
  | (EventBase & { name: "issues"; action: "deleted"; issue: IssueRecord })
  /** Deleted: `comment` is the comment as it was, no longer among the issue's. */
  | (EventBase & { name: "issue_comment"; action: "created" | "edited" | "deleted"; issue: IssueRecord; comment: CommentRecord; changes?: { body: { from: string } } })
  /** `discussion` is a copy of it as it is after the change (before it, when deleted or transferred). */
  | (EventBase & {
      name: "discussion";
      action: "created" | "edited" | "closed" | "reopened" | "deleted" | "category_changed" | "transferred" | "locked" | "unlocked";
      discussion: DiscussionRecord;
      changes?: { title?: { from: string }; body?: { from: string }; category?: { from: DiscussionCategoryRecord } };
      /** Transferred: where to, and as what. */
      moved?: { repo: RepoRecord; discussion: DiscussionRecord };
    })
  | (EventBase & { name: "discussion"; action: "labeled" | "unlabeled"; discussion: DiscussionRecord; label: LabelRecord })
  | (EventBase & { name: "push"; ref: string; before: string; after: string })
  | (EventBase & { name: "create" | "delete"; ref: string; refType: "branch" | "tag" | "ref" })
  | (EventBase & { name: "repository"; action: "privatized" | "publicized" })
  /** A team's member was added or removed: an organization's event, of no repository. */
  | { name: "membership"; action: "added" | "removed"; org: OrgRecord; team: TeamRecord; member: string; actor: string; at: string };

export type SandboxEventListener = (event: SandboxEvent) => void;
