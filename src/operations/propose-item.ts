import type { GitHub } from "../github.js";
import type { Log } from "../log.js";
import type { ItemRef, Meeting, Occurrence } from "../model.js";
import { itemKey } from "../collect/item-key.js";
import { occurrenceAsStated } from "../publish/occurrence-as-stated.js";
import { decideProposals as decideOnce, readProposals } from "../publish/proposal-decision.js";
import { proposalReply } from "../render/proposal-reply.js";
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
  /** What became of the proposal, after its name: `is declined for this meeting by ...`. */
  told: string;
}

/** A proposal a command decided: its item, and its proposer, whom the app told. */
export interface DecidedProposal {
  repo: string;
  number: number;
  title?: string;
  by: string;
}

/**
 * Decides the pending proposals of these items, each proposer told in a notice of the app's.
 * Items nobody proposed are left alone, and so are proposals another process is deciding: it
 * tells their proposers. The proposals decided here.
 */
export async function decideProposals(
  octokit: GitHub,
  meeting: Meeting,
  issue: MeetingIssueOf,
  refs: ItemRef[],
  decision: Decision,
  context: { now: Date; log: Log },
): Promise<DecidedProposal[]> {
  const keys = new Set(refs.map(itemKey));
  const pending = (await readProposals(octokit, meeting.home, issue.issueNumber)).filter((record) => !record.decided && keys.has(itemKey(record)));
  const decided = { outcome: decision.outcome, by: decision.by, at: context.now.toISOString() };
  const decisions = pending.map((record) => ({ record, decided, notice: proposalReply(record, decision.told) }));
  const done = await decideOnce(octokit, meeting.home, issue.issueNumber, decisions, { now: context.now, dryRun: meeting.dryRun, log: context.log });
  return done.map((record) => ({ repo: record.repo, number: record.number, by: record.by, ...(record.title !== undefined && { title: record.title }) }));
}
