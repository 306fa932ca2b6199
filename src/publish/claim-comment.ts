import type { GitHub, RepoRef } from "../github.js";
import { claimProgress, claimRef, finishClaim, type ClaimSubject, type HeldClaim } from "./claim-ref.js";

// A comment's commands run once across webhook redeliveries and replicas, and are not lost: the
// claim (claim-ref.ts) is the git ref `refs/agenda-drafter-comments/<comment id>`; once the
// commands have run it moves to a child commit saying `done`. A claim not done after five minutes
// is from a process that died, and a redelivery (or the tick) takes it over.

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
    const progress = claimProgress(commit, commentSubject(commentId), now);
    if (progress === "done") settled.add(ref.object.sha);
    if (progress === "stale") stale.push({ commentId, sha: ref.object.sha });
  }
  return stale;
}

/** Records that the comment's commands have run: a redelivery then runs nothing. */
export function finishComment(octokit: GitHub, home: RepoRef, commentId: number, claim: CommentClaim): Promise<void> {
  return finishClaim(octokit, home, commentSubject(commentId), claim);
}

const COMMENT_REFS = "agenda-drafter-comments/";

function commentSubject(commentId: number): ClaimSubject {
  return { ref: `${COMMENT_REFS}${commentId}`, subject: `comment ${commentId}` };
}
