import type { RepoRef } from "../../github.js";

/** Where the app serves its pages and feeds, on its own server (beside the webhooks). */
export const PAGE_ROOT = "/agenda-drafter/";

/** The page of every public meeting, of an owner's, or of one home repo's. */
export function pagePath(owner?: string, repo?: string): string {
  return `${PAGE_ROOT}${[owner, repo].filter((part) => part !== undefined).map((part) => `${encodeURIComponent(part)}/`).join("")}`;
}

/** The feed of an owner's public home repos, or of one home repo. */
export function feedPath(owner: string, repo?: string): string {
  return `${PAGE_ROOT}calendar/${encodeURIComponent(owner)}${repo === undefined ? "" : `/${encodeURIComponent(repo)}`}.ics`;
}

export function repoFeedPath(home: RepoRef): string {
  return feedPath(home.owner, home.repo);
}
