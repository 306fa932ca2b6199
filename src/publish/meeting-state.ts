import { z } from "zod";
import type { RepoFullName } from "../model.js";
import { labelFactSchema } from "../collect/label-fact.js";
import { repoFactSchema } from "../collect/repo-facts.js";
import { proposalRecordSchema } from "./proposal-record.js";

// What the app keeps in a meeting issue, and where.
//
// Everything lives in the issue body, as HTML comments GitHub does not display:
//
//   <!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->
//   ...people's text and the rest of the template...
//   <!-- agenda-drafter:agenda:start -->
//   ...the agenda, the only part of the body the app rewrites...
//   <!-- agenda-drafter:agenda:end -->
//   ...people's text...
//   <!-- agenda-drafter:state eyJ2IjoxLC... -->
//
// The marker, near the top, says which meeting and occurrence the body is about; it holds only ids
// the app chose, so it is plain JSON. Anyone may copy it: the claim ref (claim-occurrence.ts), not
// the marker, says which issue is an occurrence's. The state block, at the end, is this schema's
// JSON in base64url, so that item titles and labels, written by people, can never close the
// comment early, followed by the app's signature for the issue (state-signer.ts). Everything outside the marker, the agenda block and the
// state block belongs to people and is never changed.
//
// Parsing is tolerant: a missing or damaged marker or state block is read as absent and written
// anew with the next refresh. The ref `refs/agenda-drafter/<meeting>/<occurrence>` (see
// claim-occurrence.ts) says which issue belongs to an occurrence even when the marker is gone.
//
// Comment commands run once per comment: the claim is a git ref `refs/agenda-drafter-comments/<id>`
// (see claim-comment.ts), not this state, since two replicas can both read a state before either
// writes it.
//
// Versioning: `v` is raised when a field changes meaning. Fields are only ever added; unknown
// fields are kept as they were read (`looseObject`), so that an older replica running next to a
// newer one does not erase what the newer one wrote.

const agendaItemSchema = z.object({
  repo: z.custom<RepoFullName>((value) => typeof value === "string" && value.includes("/")),
  number: z.number().int().positive(),
  kind: z.enum(["issue", "pull_request", "discussion"]),
  title: z.string(),
  url: z.string(),
  author: z.string().nullable(),
  labels: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  draft: z.boolean().optional(),
  isNew: z.boolean().optional(),
});

export const attendeeSchema = z.object({ login: z.string(), name: z.string().nullable() });

/**
 * The agenda as it stood at the meeting's start, in full: the minutes are drafted from it however
 * the items change later. Items labelled after the start go to the next occurrence.
 */
export const frozenAgendaSchema = z.object({
  /** When the tick froze it (ISO 8601): the meeting's start, or the first tick after it. */
  at: z.string(),
  groups: z.array(z.object({ repo: agendaItemSchema.shape.repo, items: z.array(agendaItemSchema) })),
  searchUrls: z.array(z.string()),
  /** Items left out of this copy so that the issue body stays within GitHub's limit; the minutes say so. */
  hiddenItems: z.number().int().positive().optional(),
  /**
   * The invited teams' members as the issue listed them at the freeze (in a public home repo only
   * the public members, the others counted), at most MOST_RECORDED_MEMBERS in all: the minutes
   * list them however the teams change later.
   */
  invitedTeams: z
    .array(
      z.object({
        team: z.string(),
        members: z.array(attendeeSchema),
        privateMembers: z.number().int().nonnegative(),
        unlistedMembers: z.number().int().positive().optional(),
      }),
    )
    .optional(),
});

export const rescheduleSchema = z.object({
  /** The new start, an ISO 8601 UTC instant; the end keeps the meeting's duration. */
  start: z.string(),
  /** The IANA zone the commenter gave the time in (the meeting's own by default). */
  zone: z.string(),
});

export const minutesRecordSchema = z.object({
  number: z.number().int().positive(),
  url: z.string(),
  state: z.enum(["open", "closed"]),
  /** The file on the branch was written from the frozen agenda (not the live one `with_issue` first writes). */
  frozenAgenda: z.boolean(),
});

export const cancellationSchema = z.object({
  at: z.string(),
  /** The commenter's words, as written: escaped where they are shown. */
  reason: z.string().optional(),
});

export const meetingStateSchema = z.looseObject({
  v: z.literal(1),
  /** Meeting id, as in the marker (the marker wins when the two disagree). */
  meeting: z.string(),
  /** Occurrence key (YYYY-MM-DD), as in the marker. */
  occurrence: z.string(),
  /** Hash of the agenda block the app last wrote. */
  agendaHash: z.string().optional(),
  /** `owner/name#number` of the items on the agenda the app last wrote: the next occurrence marks the others new. */
  agendaItems: z.array(z.string()).default([]),
  /**
   * Hash of the body the app read immediately before its last write, and spliced its block into.
   * An `issues.edited` webhook for that write whose `changes.body.from` hashes differently shows
   * that a person's edit landed in between and was overwritten.
   */
  baseHash: z.string().optional(),
  /**
   * Hash of the body the app last wrote, without this state block: an `issues.edited` webhook
   * whose new body matches it reports the app's own write.
   */
  writtenHash: z.string().optional(),
  facts: z.array(labelFactSchema).default([]),
  /** Repositories a webhook said were made private, while search may still show them as public. */
  repoFacts: z.array(repoFactSchema).optional(),
  /** Set by the tick at the meeting's start: the agenda the minutes are drafted from. */
  frozen: frozenAgendaSchema.optional(),
  /** Set by `/meeting reschedule`: the occurrence keeps its key and takes place at this time. */
  reschedule: rescheduleSchema.optional(),
  /** Recorded by `/present` until the minutes pull request exists; then they go onto its branch. */
  attendees: z.array(attendeeSchema).optional(),
  /** The minutes pull request, once open. */
  minutes: minutesRecordSchema.optional(),
  /** The default branch had a file at the minutes path already: reported once on the issue, never overwritten. */
  minutesBlocked: z.object({ path: z.string(), url: z.string() }).optional(),
  /** Set by `/meeting cancel` (a schedule's cancellation needs no record: the schedule says it). */
  cancelled: cancellationSchema.optional(),
  /** What `/agenda propose` asked for on this issue, pending or decided (proposal-record.ts). */
  proposals: z.array(proposalRecordSchema).optional(),
});
export type MeetingState = z.infer<typeof meetingStateSchema>;

export interface MeetingMarker {
  v: 1;
  meeting: string;
  occurrence: string;
}

export function emptyState(marker: MeetingMarker): MeetingState {
  return { v: 1, meeting: marker.meeting, occurrence: marker.occurrence, agendaItems: [], facts: [] };
}

export function encodeState(state: MeetingState): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

/** The state, or undefined when the text is not a state this version understands. */
export function decodeState(encoded: string): MeetingState | undefined {
  try {
    const parsed = meetingStateSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
