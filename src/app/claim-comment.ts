import type { GitHub, RepoRef } from "../github.js";
import { statusOf } from "../publish/claim-occurrence.js";

/**
 * Claims a comment's commands for this call, once across webhook redeliveries and replicas:
 * creating the git ref `refs/agenda-drafter-comments/<comment id>` is atomic on GitHub (a second
 * create fails with 422). The ref points at the default branch's head and costs no commit.
 */
export async function claimComment(octokit: GitHub, home: RepoRef, commentId: number): Promise<boolean> {
  const { data: repository } = await octokit.rest.repos.get({ ...home });
  const { data: head } = await octokit.rest.git.getRef({ ...home, ref: `heads/${repository.default_branch}` });
  try {
    await octokit.rest.git.createRef({ ...home, ref: `refs/agenda-drafter-comments/${commentId}`, sha: head.object.sha });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
    throw error;
  }
}
