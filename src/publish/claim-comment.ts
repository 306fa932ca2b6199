import { randomUUID } from "node:crypto";
import type { GitHub, RepoRef } from "../github.js";
import { statusOf } from "../github.js";
import { createRefOnce, defaultBranchHead } from "./git-refs.js";

// A comment's commands run once across webhook redeliveries and replicas, and are not lost: the
// claim is the git ref `refs/agenda-drafter-comments/<comment id>`, whose creation GitHub makes
// atomic (a second create fails with 422). It points at a commit of its own (the default branch's
// tree, on no branch) that says when the comment was claimed; once the commands have run it moves
// to a child commit saying `done`. A claim not done after `STALE_COMMENT_CLAIM_MS` is from a
// process that died (or lost its way), and a redelivery takes it over.

/** This process's claim: its commit, and the tree the next commit of the ref reuses. */
export interface CommentClaim {
  sha: string;
  tree: string;
}

const STALE_COMMENT_CLAIM_MS = 5 * 60 * 1000;

/** The claim when this call may run the comment's commands; undefined when they are done or another process runs them. */
export async function claimComment(octokit: GitHub, home: RepoRef, commentId: number, now: Date): Promise<CommentClaim | undefined> {
  const { data: head } = await octokit.rest.git.getCommit({ ...home, commit_sha: await defaultBranchHead(octokit, home) });
  const tree = head.tree.sha;
  const sha = await claimCommit(octokit, home, { tree, parents: [], message: claimMessage(commentId, now, "") });
  const held = await createRefOnce(octokit, home, `refs/${refName(commentId)}`, sha);
  if (held === sha) return { sha, tree };
  if (held === undefined) return undefined;
  const { data: commit } = await octokit.rest.git.getCommit({ ...home, commit_sha: held });
  if (claimProgress(commit, commentId, now) !== "stale") return undefined;
  return takeOver(octokit, home, commentId, { tree: commit.tree.sha, stale: held, now });
}

/**
 * A claim commit's word on its comment: `done` (or from before claims recorded progress: the
 * default branch's head), `claimed` by a process that may still be running its commands, or
 * `stale`: claimed too long ago, by a process that died.
 */
function claimProgress(commit: { message: string; committer: { date: string } }, commentId: number, now: Date): "done" | "claimed" | "stale" {
  if (!commit.message.startsWith(`agenda-drafter: comment ${commentId} claimed at `)) return "done";
  return now.getTime() - Date.parse(commit.committer.date) > STALE_COMMENT_CLAIM_MS ? "stale" : "claimed";
}

export interface StaleCommentClaim {
  commentId: number;
  /** The claim commit the ref points at. */
  sha: string;
}

/**
 * The comments of the repository whose claim went stale before their commands were done: the
 * tick finishes them, so that a process dying after its claim loses no command even when no
 * redelivery comes. `settled` holds the claim commits known to be done (a done claim never moves
 * again), so that each is read once per process.
 */
export async function staleCommentClaims(octokit: GitHub, home: RepoRef, now: Date, settled: Set<string>): Promise<StaleCommentClaim[]> {
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, { ...home, ref: COMMENT_REFS, per_page: 100 });
  const stale: StaleCommentClaim[] = [];
  for (const ref of refs) {
    const commentId = Number(ref.ref.slice(`refs/${COMMENT_REFS}`.length));
    if (!Number.isSafeInteger(commentId) || settled.has(ref.object.sha)) continue;
    const { data: commit } = await octokit.rest.git.getCommit({ ...home, commit_sha: ref.object.sha });
    const progress = claimProgress(commit, commentId, now);
    if (progress === "done") settled.add(ref.object.sha);
    if (progress === "stale") stale.push({ commentId, sha: ref.object.sha });
  }
  return stale;
}

/** Records that the comment's commands have run: a redelivery then runs nothing. */
export async function finishComment(octokit: GitHub, home: RepoRef, commentId: number, claim: CommentClaim): Promise<void> {
  const sha = await claimCommit(octokit, home, { tree: claim.tree, parents: [claim.sha], message: `agenda-drafter: comment ${commentId} done` });
  await octokit.rest.git.updateRef({ ...home, ref: refName(commentId), sha, force: false });
}

/** A non-forced ref update is a compare-and-swap: of two processes taking the stale claim over, one wins. */
async function takeOver(octokit: GitHub, home: RepoRef, commentId: number, from: { tree: string; stale: string; now: Date }) {
  const message = claimMessage(commentId, from.now, " (the earlier claim went stale)");
  const sha = await claimCommit(octokit, home, { tree: from.tree, parents: [from.stale], message });
  try {
    await octokit.rest.git.updateRef({ ...home, ref: refName(commentId), sha, force: false });
    return { sha, tree: from.tree };
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
function claimMessage(commentId: number, now: Date, note: string): string {
  return `agenda-drafter: comment ${commentId} claimed at ${now.toISOString()}${note}\n\nclaimant ${randomUUID()}`;
}

const COMMENT_REFS = "agenda-drafter-comments/";

/** The ref's name as `git.getRef` and `git.updateRef` take it (without `refs/`). */
function refName(commentId: number): string {
  return `${COMMENT_REFS}${commentId}`;
}
