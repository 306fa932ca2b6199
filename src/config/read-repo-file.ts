import { statusOf, type GitHub } from "../github.js";
import type { ConfigFileRef } from "./extends-target.js";

/**
 * Files on their default branches already read, by `knownFileKey` (discovery reads every
 * repository's config file in one GraphQL query per 100 repositories); null: no such file.
 */
export type KnownFiles = ReadonlyMap<string, string | null>;

export function knownFileKey(file: ConfigFileRef): string {
  return `${file.owner}/${file.repo}:${file.path}`.toLowerCase();
}

/**
 * The text of a file at `ref` (default: the default branch), or null when there is no file at that path.
 * A file on the default branch that `known` holds is not read again.
 */
export async function readRepoFile(octokit: GitHub, file: ConfigFileRef, ref?: string, known?: KnownFiles): Promise<string | null> {
  const key = knownFileKey(file);
  if (ref === undefined && known?.has(key)) return known.get(key) ?? null;
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ref });
    if (Array.isArray(data) || data.type !== "file") return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
