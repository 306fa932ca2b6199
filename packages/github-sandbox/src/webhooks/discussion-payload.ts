import { discussionPermission } from "../access.js";
import type { SandboxEvent } from "../events.js";
import { serializeDiscussion, serializeDiscussionCategory } from "../serialize/discussion.js";
import { serializeLabel } from "../serialize/label.js";
import { serializeRepository } from "../serialize/repository.js";
import type { InstallationRecord, SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import type { Webhook } from "./webhook-for-event.js";

/** `discussion`: sent to an installation that holds the `discussions` permission. */
export function discussionWebhook(
  state: SandboxState,
  event: Extract<SandboxEvent, { name: "discussion" }>,
  installation: InstallationRecord,
  context: Record<string, unknown>,
  urls: SandboxUrls,
): Webhook | undefined {
  const actor = { kind: "installation" as const, installations: [installation] };
  if (discussionPermission(state, actor, event.repo) === "none") return undefined;
  const { moved, changes } = "label" in event ? { moved: undefined, changes: undefined } : event;
  const category = changes?.category ? { category: { from: serializeDiscussionCategory(event.repo, changes.category.from) } } : {};
  const transferred = moved ? { new_discussion: serializeDiscussion(state, moved.repo, moved.discussion, urls), new_repository: serializeRepository(state, moved.repo, urls) } : {};
  const allChanges = { ...(changes?.title && { title: changes.title }), ...(changes?.body && { body: changes.body }), ...category, ...transferred };
  return {
    event: "discussion",
    payload: {
      action: event.action,
      discussion: serializeDiscussion(state, event.repo, event.discussion, urls),
      ...("label" in event ? { label: serializeLabel(event.label, event.repo, urls) } : {}),
      ...(Object.keys(allChanges).length > 0 ? { changes: allChanges } : {}),
      ...context,
    },
  };
}
