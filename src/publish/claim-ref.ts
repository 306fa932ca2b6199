import { randomUUID } from "node:crypto";
import type { GitHub, RepoRef } from "../github.js";
import { statusOf } from "../github.js";
import { createRefOnce, defaultBranchHead } from "./git-refs.js";

// Work that must be done once across webhook redeliveries, replicas and the tick, and not lost:
// the claim is a git ref, whose creation GitHub makes atomic (a second create fails with 422). It
// points at a commit of its own (the default branch's tree, on no branch) that says what was
// claimed and when. A claim not done after `STALE_CLAIM_MS` is from a process that died (or lost
// its way), and the next attempt takes it over; one its holder gave back (releaseClaim) is taken
// over at once.

/** What a claim is for: its ref (`agenda-drafter-comments/12`, without `refs/`) and the words its commits name it by. */
export interface ClaimSubject {
  ref: string;
  subject: string;
}

/** This process's claim: its commit, the tree the next commit of the ref reuses, and whether it took over a stale one. */
export interface HeldClaim {
  sha: string;
  tree: string;
  /** The work may have been done in part by the process that held the claim before. */
  takenOver: boolean;
}

const STALE_CLAIM_MS = 5 * 60 * 1000;

/** The claim when this call may do the work; undefined when it is done or another process does it. */
export async function claimRef(octokit: GitHub, home: RepoRef, claim: ClaimSubject, now: Date): Promise<HeldClaim | undefined> {
  const { data: head } = await octokit.rest.git.getCommit({ ...home, commit_sha: await defaultBranchHead(octokit, home) });
  const tree = head.tree.sha;
  const sha = await claimCommit(octokit, home, { tree, parents: [], message: claimMessage(claim, now, "") });
  const held = await createRefOnce(octokit, home, `refs/${claim.ref}`, sha);
  if (held === sha) return { sha, tree, takenOver: false };
  if (held === undefined) return undefined;
  const { data: commit } = await octokit.rest.git.getCommit({ ...home, commit_sha: held });
  if (claimProgress(commit, claim, now) !== "stale") return undefined;
  return takeOver(octokit, home, claim, { tree: commit.tree.sha, stale: held, now });
}

/**
 * A claim commit's word on its work: `done` (or from before claims recorded progress: the
 * default branch's head), `claimed` by a process that may still be doing it, or `stale`: claimed
 * too long ago, by a process that died, or given back.
 */
export function claimProgress(commit: { message: string; committer: { date: string } }, claim: Pick<ClaimSubject, "subject">, now: Date): "done" | "claimed" | "stale" {
  if (commit.message.startsWith(releasedMessage(claim))) return "stale";
  if (!commit.message.startsWith(`agenda-drafter: ${claim.subject} claimed at `)) return "done";
  return now.getTime() - Date.parse(commit.committer.date) > STALE_CLAIM_MS ? "stale" : "claimed";
}

/** Records that the work is done: a later attempt does nothing. */
export async function finishClaim(octokit: GitHub, home: RepoRef, claim: ClaimSubject, held: Pick<HeldClaim, "sha" | "tree">): Promise<void> {
  const sha = await claimCommit(octokit, home, { tree: held.tree, parents: [held.sha], message: `agenda-drafter: ${claim.subject} done` });
  await octokit.rest.git.updateRef({ ...home, ref: claim.ref, sha, force: false });
}

/**
 * Gives the claim back when its work failed part way, so that the next attempt takes it over at
 * once instead of five minutes later. GitHub failing again here leaves the claim to go stale.
 */
export async function releaseClaim(octokit: GitHub, home: RepoRef, claim: ClaimSubject, held: Pick<HeldClaim, "sha" | "tree">): Promise<void> {
  try {
    const sha = await claimCommit(octokit, home, { tree: held.tree, parents: [held.sha], message: releasedMessage(claim) });
    await octokit.rest.git.updateRef({ ...home, ref: claim.ref, sha, force: false });
  } catch {
    // The claim goes stale in its time.
  }
}

function releasedMessage(claim: Pick<ClaimSubject, "subject">): string {
  return `agenda-drafter: ${claim.subject} released`;
}

/** A non-forced ref update is a compare-and-swap: of two processes taking the stale claim over, one wins. */
async function takeOver(octokit: GitHub, home: RepoRef, claim: ClaimSubject, from: { tree: string; stale: string; now: Date }): Promise<HeldClaim | undefined> {
  const message = claimMessage(claim, from.now, " (the earlier claim went stale)");
  const sha = await claimCommit(octokit, home, { tree: from.tree, parents: [from.stale], message });
  try {
    await octokit.rest.git.updateRef({ ...home, ref: claim.ref, sha, force: false });
    return { sha, tree: from.tree, takenOver: true };
  } catch (error) {
    if (statusOf(error) === 422) return undefined;
    throw error;
  }
}

async function claimCommit(octokit: GitHub, home: RepoRef, commit: { tree: string; parents: string[]; message: string }): Promise<string> {
  const { data } = await octokit.rest.git.createCommit({ ...home, ...commit });
  return data.sha;
}

/** The claimant line makes each claim commit unique, so that a process knows its own claim by the ref's pointing at it. */
function claimMessage(claim: ClaimSubject, now: Date, note: string): string {
  return `agenda-drafter: ${claim.subject} claimed at ${now.toISOString()}${note}\n\nclaimant ${randomUUID()}`;
}
