import { statusOf, type GitHub } from "../github.js";
import type { ConfigFileRef } from "./extends-target.js";

/** The text of a file at `ref` (default: the default branch), or null when there is no file at that path. */
export async function readRepoFile(octokit: GitHub, file: ConfigFileRef, ref?: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ref });
    if (Array.isArray(data) || data.type !== "file") return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
