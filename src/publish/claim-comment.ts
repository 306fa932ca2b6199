import type { GitHub, RepoRef } from "../github.js";
import { deleteRefIfPresent } from "./git-refs.js";
import { claimProgress, claimRef, finishClaim, type ClaimSubject, type HeldClaim } from "./claim-ref.js";

// A comment's commands run once across webhook redeliveries and replicas, and are not lost: the
// claim (claim-ref.ts) is the git ref `refs/agenda-drafter-comments/<comment id>`; once the
// commands have run it moves to a child commit saying `done`. A claim not done after five minutes
// is from a process that died, and a redelivery (or the tick) takes it over. A done claim is only
// needed while the comment's event may come again: commands of a comment older than
// COMMAND_REPLAY_HORIZON_MS are not run at all, and a claim done a day longer ago than that is
// deleted by the tick, so that the refs, which the tick lists, do not grow with every comment.

/** This process's claim: its commit, and the tree the next commit of the ref reuses. */
export type CommentClaim = Pick<HeldClaim, "sha" | "tree">;

/** The claim when this call may run the comment's commands; undefined when they are done or another process runs them. */
export function claimComment(octokit: GitHub, home: RepoRef, commentId: number, now: Date): Promise<CommentClaim | undefined> {
  return claimRef(octokit, home, commentSubject(commentId), now);
}

export interface StaleCommentClaim {
  commentId: number;
  /** The claim commit the ref points at. */
  sha: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a comment's event may come again: GitHub redelivers a webhook for 3 days (7 on GitHub
 * Enterprise Server), and a workflow run may be re-run with its event's payload for 30 days.
 * A comment older than this is a replay, whoever sends it: its commands do not run.
 */
export const COMMAND_REPLAY_HORIZON_MS = 31 * DAY_MS;

/** Done claims are kept a day past the horizon, against a clock a little ahead of GitHub's. */
const CLAIM_KEPT_MS = COMMAND_REPLAY_HORIZON_MS + DAY_MS;

/** Whether the comment, created at `createdAt` (GitHub's time), is too old for its commands to run. */
export function isPastReplayHorizon(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) > COMMAND_REPLAY_HORIZON_MS;
}

export interface ExpiredCommentClaim {
  /** `agenda-drafter-comments/12`, without `refs/`. */
  ref: string;
  sha: string;
}

/** What the tick does with the repository's comment claims. */
export interface CommentClaimSweep {
  /** Claims that went stale before their commands were done: the tick finishes them. */
  stale: StaleCommentClaim[];
  /** Claims done longer ago than a comment's event may come again: the tick deletes them. */
  expired: ExpiredCommentClaim[];
}

/**
 * The comment claims of the repository, sorted for the tick: those that went stale before their
 * commands were done (a process dying after its claim loses no command even when no redelivery
 * comes), and those done so long ago that the comment's event cannot come again. `settled` holds, for the claim
 * commits known to be done (a done claim never moves again), when they were done, so that each is
 * read once per process.
 */
export async function sweepCommentClaims(octokit: GitHub, home: RepoRef, now: Date, settled: Map<string, number>): Promise<CommentClaimSweep> {
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, { ...home, ref: COMMENT_REFS, per_page: 100 });
  const sweep: CommentClaimSweep = { stale: [], expired: [] };
  for (const ref of refs) {
    const commentId = Number(ref.ref.slice(`refs/${COMMENT_REFS}`.length));
    if (!Number.isSafeInteger(commentId)) continue;
    if (!settled.has(ref.object.sha)) {
      const { data: commit } = await octokit.rest.git.getCommit({ ...home, commit_sha: ref.object.sha });
      const progress = claimProgress(commit, commentSubject(commentId), now);
      if (progress === "done") settled.set(ref.object.sha, Date.parse(commit.committer.date));
      if (progress === "stale") sweep.stale.push({ commentId, sha: ref.object.sha });
    }
    const doneAt = settled.get(ref.object.sha);
    if (doneAt !== undefined && now.getTime() - doneAt > CLAIM_KEPT_MS) sweep.expired.push({ ref: commentSubject(commentId).ref, sha: ref.object.sha });
  }
  return sweep;
}

/**
 * Deletes these done claims, at most `limit` of them (each is a write, and a first sweep after
 * long use finds many: the next ticks delete the rest), and forgets them in `settled`. A claim
 * another replica deleted first is no failure. The claims gone now.
 */
export async function deleteExpiredCommentClaims(
  octokit: GitHub,
  home: RepoRef,
  expired: ExpiredCommentClaim[],
  settled: Map<string, number>,
  limit = 10,
): Promise<ExpiredCommentClaim[]> {
  const gone: ExpiredCommentClaim[] = [];
  for (const claim of expired.slice(0, limit)) {
    await deleteRefIfPresent(octokit, home, claim.ref);
    settled.delete(claim.sha);
    gone.push(claim);
  }
  return gone;
}

/** Deletes the claim of a comment that is gone: its commands will never run, and a redelivery of its webhook finds it gone. */
export function deleteCommentClaim(octokit: GitHub, home: RepoRef, commentId: number): Promise<void> {
  return deleteRefIfPresent(octokit, home, commentSubject(commentId).ref);
}

/** Records that the comment's commands have run: a redelivery then runs nothing. */
export function finishComment(octokit: GitHub, home: RepoRef, commentId: number, claim: CommentClaim): Promise<void> {
  return finishClaim(octokit, home, commentSubject(commentId), claim);
}

const COMMENT_REFS = "agenda-drafter-comments/";

function commentSubject(commentId: number): ClaimSubject {
  return { ref: `${COMMENT_REFS}${commentId}`, subject: `comment ${commentId}` };
}
