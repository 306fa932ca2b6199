import type { GitHub, RepoRef } from "../github.js";
import { defaultBranchHead } from "./git-refs.js";
import { statusOf } from "../github.js";

/**
 * Claims a comment's commands for this call, once across webhook redeliveries and replicas:
 * creating the git ref `refs/agenda-drafter-comments/<comment id>` is atomic on GitHub (a second
 * create fails with 422). The ref points at the default branch's head and costs no commit.
 */
export async function claimComment(octokit: GitHub, home: RepoRef, commentId: number): Promise<boolean> {
  const head = await defaultBranchHead(octokit, home);
  try {
    await octokit.rest.git.createRef({ ...home, ref: `refs/agenda-drafter-comments/${commentId}`, sha: head });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
    throw error;
  }
}
