import type { GitHub } from "../github.js";
import type { AgendaItem, RepoFullName } from "../model.js";
import { statusOf } from "../github.js";

/**
 * An issue or pull request as it is now, read through the REST API (which does not lag behind
 * labels as search does), as an agenda item; undefined once it is deleted (410) or never visible
 * to the installation (404). GitHub answers the old URL of an item transferred since (or of a
 * renamed repository) with a redirect, which fetch follows: the item is then the one at its new
 * location, with that repository and number, for the caller to check against the visibility rule.
 */
export async function readItem(
  octokit: GitHub,
  { repo, number }: { repo: RepoFullName; number: number },
): Promise<{ item: AgendaItem; open: boolean } | undefined> {
  const [owner = "", name = ""] = repo.split("/");
  let issue;
  try {
    ({ data: issue } = await octokit.rest.issues.get({ owner, repo: name, issue_number: number }));
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 410) return undefined;
    throw error;
  }
  // What does not say where it is (a redirect not followed) is taken as gone.
  const at = repositoryOf(issue.repository_url);
  if (at === undefined || typeof issue.number !== "number") return undefined;
  const isPullRequest = issue.pull_request !== undefined && issue.pull_request !== null;
  const item: AgendaItem = {
    // The name as asked, unless the item has moved to another repository.
    repo: at.toLowerCase() === repo.toLowerCase() ? repo : at,
    number: issue.number,
    kind: isPullRequest ? "pull_request" : "issue",
    title: issue.title,
    url: issue.html_url,
    author: issue.user?.login ?? null,
    labels: issue.labels.flatMap((label) => (typeof label === "string" ? [label] : label.name === undefined ? [] : [label.name])),
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    ...(isPullRequest ? { draft: issue.draft === true } : {}),
  };
  return { item, open: issue.state === "open" };
}

/** `owner/name` of an API repository URL (`https://api.github.com/repos/owner/name`). */
function repositoryOf(url: string | undefined): RepoFullName | undefined {
  const match = /\/repos\/([^/]+)\/([^/]+)$/.exec(url ?? "");
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** `owner/name#number`, as the issue's state lists agenda items, back into its parts. */
export function parseItemKey(key: string): { repo: RepoFullName; number: number } {
  const at = key.lastIndexOf("#");
  return { repo: key.slice(0, at) as RepoFullName, number: Number(key.slice(at + 1)) };
}
