import type { GitHub } from "../github.js";
import type { AgendaItem, RepoFullName } from "../model.js";

export type SearchItem = Awaited<
  ReturnType<GitHub["rest"]["search"]["issuesAndPullRequests"]>
>["data"]["items"][number];

/** An issue or pull request as GitHub's issue search returns it, as an agenda item. */
export function toAgendaItem(item: SearchItem): AgendaItem {
  const isPullRequest = item.pull_request !== undefined;
  return {
    repo: repoOf(item),
    number: item.number,
    kind: isPullRequest ? "pull_request" : "issue",
    title: item.title,
    url: item.html_url,
    author: item.user?.login ?? null,
    labels: item.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    ...(isPullRequest ? { draft: item.draft === true } : {}),
  };
}

/** `owner/name` from `repository_url` (`https://api.github.com/repos/owner/name`). */
function repoOf(item: Pick<SearchItem, "repository_url">): RepoFullName {
  const [owner, name] = item.repository_url.split("/").slice(-2);
  if (!owner || !name) {
    throw new Error(`Unexpected repository_url in a search result: ${item.repository_url}`);
  }
  return `${owner}/${name}`;
}
