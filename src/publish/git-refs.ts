import type { GitHub, RepoRef } from "../github.js";
import { statusOf } from "../github.js";

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
