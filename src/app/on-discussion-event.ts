import type { Context } from "probot";
import type { GitHub } from "../github.js";
import type { RepoFullName } from "../model.js";
import { concernsMeeting, factsOf } from "../collect/label-facts.js";
import type { Runtime } from "./runtime.js";

/** Actions after which a discussion may enter, leave or change on an agenda. */
export const DISCUSSION_ACTIONS = ["labeled", "unlabeled", "edited", "closed", "reopened", "deleted", "transferred", "category_changed"] as const;

interface DiscussionPayload {
  installation?: { id: number };
  repository: { full_name: string };
  label?: { name: string };
  changes?: { title?: unknown };
  discussion: { number: number; state?: string; labels?: { name: string }[] | null };
}

/**
 * A discussion was labelled, unlabelled, edited, closed, reopened, deleted, transferred or moved
 * to another category: the meetings that take discussions, in whose scope it is and whose agenda
 * label it bears or just lost, are refreshed after the same debounce as for labels, with what the
 * webhook says of its agenda labels kept until search shows it, as for an issue's. The refresh
 * reads the discussion anew, so an event that arrives late or twice changes nothing.
 */
export async function onDiscussionEvent(runtime: Runtime, context: Context<"discussion">): Promise<void> {
  const payload = context.payload as unknown as DiscussionPayload;
  const installationId = payload.installation?.id;
  if (installationId === undefined) return;
  // A body edit changes nothing on an agenda; a title edit does (so a stranger editing their labelled discussion over and over costs no search).
  if (context.payload.action === "edited" && !payload.changes?.title) return;
  await runtime.ensureDiscovered(context.octokit as GitHub, installationId);
  const change = {
    repo: payload.repository.full_name as RepoFullName,
    number: payload.discussion.number,
    discussion: true as const,
    labels: (payload.discussion.labels ?? []).map((label) => label.name),
    ...(payload.label && { lostLabel: payload.label.name }),
    open: payload.discussion.state === "open",
    at: runtime.now().toISOString(),
  };
  for (const meeting of await runtime.registry.meetings(installationId)) {
    if (meeting.sources?.discussions && concernsMeeting(meeting, change)) runtime.refresh(installationId, meeting, { labels: factsOf(meeting, change) });
  }
}
