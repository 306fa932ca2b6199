import { createHash } from "node:crypto";
import type { GitHub, RepoRef } from "../github.js";
import type { Log } from "../log.js";
import { claimRef, releaseClaim, type ClaimSubject, type HeldClaim } from "./claim-ref.js";
import { commentOnIssue, findComment } from "./comment-replies.js";
import { deleteRefIfPresent } from "./git-refs.js";
import { parseBody } from "./issue-body.js";
import { proposalId, type ProposalRecord } from "./proposal-record.js";
import { stateSeal } from "./state-signer.js";
import { updateIssueState } from "./update-issue-state.js";

// A proposal is decided once, and its proposer told once, whoever decides it: a steerer's
// command, or a refresh that finds the item labelled, on the board, or gone. Two processes may
// read the same pending proposal (a second replica, the tick, a command racing a label's
// webhook): the one that claims the proposal's ref (claim-ref.ts) records the decision and tells
// the proposer; the others leave it alone. Telling comes before recording, so that a fault between
// the two leaves the proposal pending, never decided untold. A claim whose step failed is given
// back, and one whose holder died is taken over after five minutes; either way the notice's hidden
// id, fixed by the proposal, shows whether it was posted already.

export type Decided = NonNullable<ProposalRecord["decided"]>;

/** A decision on a pending proposal: what the state records, and the notice that tells its proposer. */
export interface ProposalDecision {
  record: ProposalRecord;
  decided: Decided;
  notice: string;
}

/**
 * Decides these proposals of the issue, each once whoever else decides it: claims it, tells its
 * proposer, then records the decisions told in the issue's state. Proposals another process
 * holds are left to it. A dry run tells and claims nothing. The records it decided.
 */
export async function decideProposals(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  decisions: ProposalDecision[],
  context: { now: Date; dryRun: boolean; log: Log },
): Promise<ProposalRecord[]> {
  if (context.dryRun) return decisions.map(({ record }) => record);
  const held: { subject: ClaimSubject; claim: HeldClaim }[] = [];
  try {
    const told: ProposalDecision[] = [];
    for (const decision of decisions) {
      const subject = decisionClaim(issueNumber, decision.record);
      const claim = await claimRef(octokit, home, subject, context.now);
      if (!claim) continue;
      held.push({ subject, claim });
      await tellProposer(octokit, { ...home, number: issueNumber }, decision, claim);
      told.push(decision);
    }
    if (told.length === 0) return [];
    await recordDecisions(octokit, home, issueNumber, told, context.log);
    return told.map(({ record }) => record);
  } catch (error) {
    for (const { subject, claim } of held) await releaseClaim(octokit, home, subject, claim);
    throw error;
  }
}

/**
 * Deletes the decision claims of the issue's decided proposals, before the issue is closed: the
 * state records those decisions, so their claims guard nothing, and kept they would pile up in the
 * home repo with every meeting. A pending proposal keeps its claim, which tells whoever decides it
 * later (a command still runs on a closed issue) whether its proposer was told already.
 */
export async function deleteDecidedProposalClaims(octokit: GitHub, home: RepoRef, issueNumber: number): Promise<void> {
  const decided = (await readProposals(octokit, home, issueNumber)).filter((record) => record.decided);
  for (const record of decided) await deleteRefIfPresent(octokit, home, decisionClaim(issueNumber, record).ref);
}

function decisionClaim(issueNumber: number, record: ProposalRecord): ClaimSubject {
  const name = decisionName(issueNumber, record);
  return { ref: `agenda-drafter-proposals/${name}`, subject: `proposal ${name}` };
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
async function tellProposer(octokit: GitHub, issue: RepoRef & { number: number }, decision: ProposalDecision, claim: HeldClaim): Promise<void> {
  const writeId = `proposal-${decisionName(issue.number, decision.record)}`;
  if (claim.takenOver && (await findComment(octokit, issue, writeId)) !== undefined) return;
  await commentOnIssue(octokit, issue, decision.notice, writeId);
}

/** Marks these proposals decided in the issue's state, those still pending there; keeps only what the limits count of them. */
async function recordDecisions(
  octokit: GitHub,
  home: RepoRef,
  issueNumber: number,
  decisions: { record: ProposalRecord; decided: Decided }[],
  log: Log,
): Promise<void> {
  const byId = new Map(decisions.map(({ record, decided }) => [proposalId(record), decided]));
  await updateIssueState(
    octokit,
    home,
    issueNumber,
    (latest) => {
      const records = latest.proposals ?? [];
      const marked = records.filter((record) => !record.decided && byId.has(proposalId(record)));
      if (marked.length === 0) return { state: undefined };
      const next = records.map((record): ProposalRecord => {
        const decided = marked.includes(record) ? byId.get(proposalId(record)) : undefined;
        return decided ? { repo: record.repo, number: record.number, by: record.by, at: record.at, decided } : record;
      });
      return { state: { ...latest, proposals: next } };
    },
    { dryRun: false, log },
  );
}

/** The proposal's name in refs and hidden ids: its issue, and a hash of its identity (which holds characters a ref may not). */
function decisionName(issueNumber: number, record: ProposalRecord): string {
  return `${issueNumber}-${createHash("sha256").update(proposalId(record)).digest("hex").slice(0, 24)}`;
}
