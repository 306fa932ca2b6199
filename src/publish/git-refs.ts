import type { GitHub, RepoRef } from "../github.js";
import { statusOf } from "../github.js";
import { NOT_RETRIED, writeOnce } from "./write-once.js";

/** The commit a ref (`heads/main`, without `refs/`) points at; undefined when there is no such ref. */
export async function refSha(octokit: GitHub, home: RepoRef, ref: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({ ...home, ref });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** The head commit of the repository's default branch. */
export async function defaultBranchHead(octokit: GitHub, home: RepoRef): Promise<string> {
  const { data: repository } = await octokit.rest.repos.get({ ...home });
  const { data: ref } = await octokit.rest.git.getRef({ ...home, ref: `heads/${repository.default_branch}` });
  return ref.object.sha;
}

/**
 * Creates a ref, once, and answers the commit it points at afterwards: `sha` when this call created
 * it (or an earlier attempt of it whose answer was lost), another commit when GitHub refused it
 * because the ref exists (422), as a claim someone else holds.
 */
export async function createRefOnce(octokit: GitHub, home: RepoRef, ref: string, sha: string): Promise<string | undefined> {
  const pointsAt = () => refSha(octokit, home, ref.replace(/^refs\//, ""));
  try {
    return await writeOnce(async () => {
      await octokit.rest.git.createRef({ ...home, ref, sha, request: NOT_RETRIED });
      return sha;
    }, pointsAt);
  } catch (error) {
    if (statusOf(error) === 422) return pointsAt();
    throw error;
  }
}

/** Deletes the ref (`agenda-drafter-comments/12`, without `refs/`); one another process deleted first is no failure. */
export async function deleteRefIfPresent(octokit: GitHub, home: RepoRef, ref: string): Promise<void> {
  try {
    await octokit.rest.git.deleteRef({ ...home, ref });
  } catch (error) {
    // GitHub answers 422 "Reference does not exist" for a ref that is gone.
    if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
  }
}
