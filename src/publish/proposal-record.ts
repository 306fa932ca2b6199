import { z } from "zod";
import type { Proposal, RepoFullName } from "../model.js";

// What the meeting issue's signed state keeps of `/agenda propose`: every proposal made on this
// occurrence's issue, pending or decided. Decided ones keep only what the limits need (who
// proposed what, when, and what became of it): the per-person limits count them, and an item
// declined for this occurrence is not proposed again on its issue.

export const proposalRecordSchema = z.object({
  /** `owner/name` and number, as the item was found when proposed. */
  repo: z.custom<RepoFullName>((value) => typeof value === "string" && value.includes("/")),
  number: z.number().int().positive(),
  /** The item's title (cut short) and URL when proposed; dropped once decided. */
  title: z.string().optional(),
  url: z.string().optional(),
  by: z.string(),
  /** The proposer's words, cut short; escaped where shown; dropped once decided. */
  why: z.string().optional(),
  /** When it was proposed, ISO 8601. */
  at: z.string(),
  /**
   * What became of it: `added` (`/agenda add`) or `declined` (`/agenda decline`) by the steerer
   * `by`; or, with `by` empty, what the app saw happen without a command (`via`): the item
   * labelled (`label`) or set on the meeting's board (`board`), which adds it, or closed, deleted
   * or transferred (`gone`), which declines it.
   */
  decided: z
    .object({ outcome: z.enum(["added", "declined"]), by: z.string(), via: z.enum(["label", "board", "gone"]).optional(), at: z.string() })
    .optional(),
});
export type ProposalRecord = z.infer<typeof proposalRecordSchema>;

/** The proposals no steerer has decided yet, as the agenda and the minutes list them. */
export function pendingProposals(records: readonly ProposalRecord[] | undefined): Proposal[] {
  return (records ?? []).flatMap((record) =>
    record.decided || record.title === undefined || record.url === undefined
      ? []
      : [{ repo: record.repo, number: record.number, title: record.title, url: record.url, by: record.by, ...(record.why ? { why: record.why } : {}) }],
  );
}

/** A proposal's identity among the records: an item may be proposed again once added and taken off. */
export function proposalId(record: Pick<ProposalRecord, "repo" | "number" | "at">): string {
  return `${record.repo.toLowerCase()}#${record.number}@${record.at}`;
}
