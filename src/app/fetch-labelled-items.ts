import type { GitHub } from "../github.js";
import type { AgendaItem, Meeting, RepoFullName } from "../model.js";
import { statusOf } from "../publish/claim-occurrence.js";
import { isAgendaLabel, itemKey } from "./label-facts.js";

export interface FetchedItems {
  /** Items that are open, bear an agenda label and may be shown in the meeting's home repo. */
  items: AgendaItem[];
  /** `itemKey`s of the others: what a webhook said about them no longer holds, or they may not be shown. */
  refuted: Set<string>;
}

/**
 * Reads items that webhooks labelled but search does not return yet, one by one through the REST
 * API (which does not lag), and keeps those the meeting may show. Visibility fails closed as in
 * collect: a private or internal repository's item only appears in a private home repo that is
 * that repository or names it in `include_private`.
 */
export async function fetchLabelledItems(
  octokit: GitHub,
  meeting: Meeting,
  home: { private: boolean },
  wanted: { repo: RepoFullName; number: number }[],
): Promise<FetchedItems> {
  const items: AgendaItem[] = [];
  const refuted = new Set<string>();
  const visible = new Map<string, boolean>();
  for (const { repo, number } of wanted) {
    const [owner = "", name = ""] = repo.split("/");
    const key = repo.toLowerCase();
    if (!visible.has(key)) visible.set(key, await mayShowRepo(octokit, meeting, home, repo));
    const issue = visible.get(key) ? await getIssue(octokit, owner, name, number) : undefined;
    const labels = (issue?.labels ?? []).flatMap((label) =>
      typeof label === "string" ? [label] : label.name === undefined ? [] : [label.name],
    );
    if (!issue || issue.state !== "open" || !labels.some((label) => isAgendaLabel(meeting, label))) {
      refuted.add(itemKey({ repo, number }));
      continue;
    }
    const isPullRequest = issue.pull_request !== undefined && issue.pull_request !== null;
    items.push({
      repo,
      number,
      kind: isPullRequest ? "pull_request" : "issue",
      title: issue.title,
      url: issue.html_url,
      author: issue.user?.login ?? null,
      labels,
      createdAt: issue.created_at,
      updatedAt: issue.updated_at,
      ...(isPullRequest ? { draft: issue.draft === true } : {}),
    });
  }
  return { items, refuted };
}

async function getIssue(octokit: GitHub, owner: string, repo: string, number: number) {
  try {
    return (await octokit.rest.issues.get({ owner, repo, issue_number: number })).data;
  } catch (error) {
    // Deleted (410), transferred or never visible to the installation (404).
    if (statusOf(error) === 404 || statusOf(error) === 410) return undefined;
    throw error;
  }
}

async function mayShowRepo(octokit: GitHub, meeting: Meeting, home: { private: boolean }, repo: RepoFullName) {
  const [owner = "", name = ""] = repo.split("/");
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo: name });
    const isPublic = (data.visibility ?? (data.private ? "private" : "public")) === "public" && !data.private;
    if (isPublic) return true;
    const key = repo.toLowerCase();
    const homeKey = `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase();
    return home.private && (key === homeKey || meeting.includePrivate.some((named) => named.toLowerCase() === key));
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
