import { statusOf, type GitHub } from "../github.js";
import type { RepoFullName } from "../model.js";

/** Whether the repository exists and the client may read it: GitHub answers 404 for a missing repository and for one the client may not see alike. */
export async function canReadRepo(octokit: GitHub, name: RepoFullName): Promise<boolean> {
  const [owner = "", repo = ""] = name.split("/");
  try {
    await octokit.rest.repos.get({ owner, repo });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
