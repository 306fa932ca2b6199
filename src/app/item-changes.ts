import type { RepoFullName } from "../model.js";
import type { ItemChange } from "../collect/label-facts.js";

/** The parts of an `issues` or `pull_request` webhook payload the app reads. */
export interface ItemPayload {
  action: string;
  repository: { full_name: string };
  label?: { name: string };
  issue?: WebhookItem;
  pull_request?: WebhookItem;
  changes?: {
    new_issue?: WebhookItem;
    new_repository?: { full_name: string };
  };
}

interface WebhookItem {
  number: number;
  state?: string;
  labels?: { name: string }[];
  updated_at?: string;
}

/** Actions after which an item may enter, leave or change on an agenda. */
export const ITEM_ACTIONS = {
  issues: ["opened", "edited", "closed", "reopened", "labeled", "unlabeled", "deleted", "transferred"],
  pull_request: [
    "opened",
    "edited",
    "closed",
    "reopened",
    "labeled",
    "unlabeled",
    "converted_to_draft",
    "ready_for_review",
  ],
} as const;

/** What an `issues` or `pull_request` webhook says about the items it concerns. */
export function itemChanges(payload: ItemPayload, now: Date): ItemChange[] {
  const item = payload.issue ?? payload.pull_request;
  if (!item) return [];
  const gone = payload.action === "deleted" || payload.action === "transferred";
  const changes: ItemChange[] = [
    {
      repo: payload.repository.full_name as RepoFullName,
      number: item.number,
      labels: labelNames(item),
      ...(payload.action === "unlabeled" && payload.label && { lostLabel: payload.label.name }),
      open: !gone && item.state === "open",
      at: gone ? now.toISOString() : (item.updated_at ?? now.toISOString()),
    },
  ];
  const moved = payload.changes?.new_issue;
  const movedTo = payload.changes?.new_repository;
  if (payload.action === "transferred" && moved && movedTo) {
    changes.push({
      repo: movedTo.full_name as RepoFullName,
      number: moved.number,
      labels: labelNames(moved),
      open: moved.state === "open",
      at: moved.updated_at ?? now.toISOString(),
    });
  }
  return changes;
}

function labelNames(item: WebhookItem): string[] {
  return (item.labels ?? []).map((label) => label.name);
}
