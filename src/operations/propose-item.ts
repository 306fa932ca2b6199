import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { ItemRef, Meeting, Occurrence } from "../model.js";
import { itemKey } from "../collect/item-key.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import type { ProposalRecord } from "../publish/proposal-record.js";
import { updateIssueState } from "../publish/update-issue-state.js";
import { BodyTooLongError } from "../publish/write-agenda.js";
import { keptText, proposalRefusal, TITLE_LENGTH, WHY_LENGTH } from "./steps/proposal-limits.js";

export interface ProposalInput {
  item: { ref: ItemRef; title: string; url: string };
  by: string;
  /** The proposer's raw words, if any. */
  why?: string;
}

interface MeetingIssueOf {
  issueNumber: number;
  scheduled: Occurrence;
}

/**
 * Records a proposal in the meeting issue's state, unless the limits refuse it (the refusal says
 * why, for the proposer) or the occurrence has started or been cancelled: from the start its
 * agenda is frozen.
 */
export async function proposeItem(
  octokit: GitHub,
  meeting: Meeting,
  issue: MeetingIssueOf,
  proposal: ProposalInput,
  context: { now: Date; log: Log },
): Promise<{ refused?: string }> {
  let refused: string | undefined;
  const written = updateIssueState(
    octokit,
    meeting.home,
    issue.issueNumber,
    (latest) => {
      const occurrence = occurrenceAsStated(meeting, issue.scheduled, latest);
      const records = latest.proposals ?? [];
      if (occurrence.cancelled) refused = "this meeting is cancelled; propose on the next meeting's issue.";
      else if (context.now.getTime() >= Date.parse(occurrence.start)) refused = "this meeting has started and its agenda is frozen; propose on the next meeting's issue.";
      else refused = proposalRefusal(records, proposal.by, proposal.item.ref, context.now);
      if (refused !== undefined) return { state: undefined };
      const why = proposal.why === undefined ? "" : keptText(proposal.why, WHY_LENGTH);
      const record: ProposalRecord = {
        repo: proposal.item.ref.repo,
        number: proposal.item.ref.number,
        title: keptText(proposal.item.title, TITLE_LENGTH),
        url: proposal.item.url,
        by: proposal.by,
        ...(why && { why }),
        at: context.now.toISOString(),
      };
      return { state: { ...latest, proposals: [...records, record] } };
    },
    { dryRun: meeting.dryRun, log: context.log },
  );
  // People's own text may leave the body no room for one more: a refusal, not a failure.
  const full = await written.then(
    () => false,
    (error: unknown) => {
      if (error instanceof BodyTooLongError) return true;
      throw error;
    },
  );
  if (full) return { refused: "the meeting issue has no room left for another proposal within GitHub's 65,536 characters." };
  return refused === undefined ? {} : { refused };
}

export interface Decision {
  outcome: "added" | "declined";
  by: string;
}

/**
 * Marks the pending proposals of these items decided, and returns them (each with its proposer,
 * whom the reply tells). Items nobody proposed are left alone.
 */
export async function decideProposals(
  octokit: GitHub,
  meeting: Meeting,
  issue: MeetingIssueOf,
  refs: ItemRef[],
  decision: Decision,
  context: { now: Date; log: Log },
): Promise<{ repo: string; number: number; by: string }[]> {
  const keys = new Set(refs.map(itemKey));
  let decided: ProposalRecord[] = [];
  await updateIssueState(
    octokit,
    meeting.home,
    issue.issueNumber,
    (latest) => {
      const records = latest.proposals ?? [];
      decided = records.filter((record) => !record.decided && keys.has(itemKey(record)));
      if (decided.length === 0) return { state: undefined };
      const at = context.now.toISOString();
      const next = records.map((record): ProposalRecord => {
        if (!decided.includes(record)) return record;
        // Decided: only what the limits count is kept.
        return { repo: record.repo, number: record.number, by: record.by, at: record.at, decided: { outcome: decision.outcome, by: decision.by, at } };
      });
      return { state: { ...latest, proposals: next } };
    },
    { dryRun: meeting.dryRun, log: context.log },
  );
  return decided.map((record) => ({ repo: record.repo, number: record.number, by: record.by }));
}
