import { createHash } from "node:crypto";
import type { GitHub, RepoRef } from "../github.js";
import type { Log } from "../log.js";
import { claimRef, type HeldClaim } from "./claim-ref.js";
import { commentOnIssue, findComment } from "./comment-replies.js";
import { parseBody } from "./issue-body.js";
import { proposalId, type ProposalRecord } from "./proposal-record.js";
import { stateSeal } from "./state-signer.js";
import { updateIssueState } from "./update-issue-state.js";

// A proposal is decided once, and its proposer told once, whoever decides it: a steerer's
// command, or a refresh that finds the item labelled, on the board, or gone. Two processes may
// read the same pending proposal (a second replica, the tick, a command racing a label's
// webhook): the one that claims the proposal's ref (claim-ref.ts) records the decision and tells
// the proposer; the others leave it alone. A claim whose holder died before telling is taken over
// after five minutes, and the notice's hidden id, fixed by the proposal, shows whether it was
// posted already.

export type Decided = NonNullable<ProposalRecord["decided"]>;

/** The claim on deciding this proposal of the issue; undefined when another process holds it, or held it and is done. */
export function claimDecision(octokit: GitHub, home: RepoRef, issueNumber: number, record: ProposalRecord, now: Date): Promise<HeldClaim | undefined> {
  const name = decisionName(issueNumber, record);
  return claimRef(octokit, home, { ref: `agenda-drafter-proposals/${name}`, subject: `proposal ${name}` }, now);
}

/** The proposals of the issue's state as they are now (none when its state does not verify). */
export async function readProposals(octokit: GitHub, home: RepoRef, issueNumber: number): Promise<ProposalRecord[]> {
  const { data: issue } = await octokit.rest.issues.get({ ...home, issue_number: issueNumber });
  return parseBody(issue.body, stateSeal(octokit, home, issueNumber)).state?.proposals ?? [];
}

/**
 * Tells a proposer what became of their proposal, in a comment of its own on the meeting issue.
 * After a taken-over claim the earlier holder may have posted it: then it is not posted again.
 */
export async function tellProposer(octokit: GitHub, issue: RepoRef & { number: number }, record: ProposalRecord, text: string, claim: HeldClaim): Promise<void> {
  const writeId = `proposal-${decisionName(issue.number, record)}`;
  if (claim.takenOver && (await findComment(octokit, issue, writeId)) !== undefined) return;
  await commentOnIssue(octokit, issue, text, writeId);
}

/**
 * Marks these proposals decided in the issue's state, those still pending there; keeps only what
 * the limits count of them. The ones it marked.
 */
export async function recordDecisions(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  decisions: { record: ProposalRecord; decided: Decided }[],
  options: { dryRun: boolean; log: Log },
): Promise<ProposalRecord[]> {
  const byId = new Map(decisions.map(({ record, decided }) => [proposalId(record), decided]));
  let marked: ProposalRecord[] = [];
  await updateIssueState(
    octokit,
    home,
    issueNumber,
    (latest) => {
      const records = latest.proposals ?? [];
      marked = records.filter((record) => !record.decided && byId.has(proposalId(record)));
      if (marked.length === 0) return { state: undefined };
      const next = records.map((record): ProposalRecord => {
        const decided = marked.includes(record) ? byId.get(proposalId(record)) : undefined;
        return decided ? { repo: record.repo, number: record.number, by: record.by, at: record.at, decided } : record;
      });
      return { state: { ...latest, proposals: next } };
    },
    options,
  );
  return marked;
}

/** The proposal's name in refs and hidden ids: its issue, and a hash of its identity (which holds characters a ref may not). */
function decisionName(issueNumber: number, record: ProposalRecord): string {
  return `${issueNumber}-${createHash("sha256").update(proposalId(record)).digest("hex").slice(0, 24)}`;
}
