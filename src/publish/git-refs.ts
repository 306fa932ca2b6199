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
 * Creates a ref, once: true when it now points at `sha` (created by this call, or by an earlier
 * attempt of it whose answer was lost), false when GitHub refused it because the ref exists and
 * points elsewhere (422), as a claim someone else holds.
 */
export async function createRefOnce(octokit: GitHub, home: RepoRef, ref: string, sha: string): Promise<boolean> {
  const pointsAtSha = async () => ((await refSha(octokit, home, ref.replace(/^refs\//, ""))) === sha ? true : undefined);
  try {
    return await writeOnce(async () => {
      await octokit.rest.git.createRef({ ...home, ref, sha, request: NOT_RETRIED });
      return true;
    }, pointsAtSha);
  } catch (error) {
    if (statusOf(error) === 422) return (await pointsAtSha()) ?? false;
    throw error;
  }
}
