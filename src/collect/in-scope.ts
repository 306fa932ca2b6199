import type { Meeting } from "../model.js";

/** Whether a repository is in the meeting's scope; names compare case-insensitively, as GitHub treats them. */
export function inScope(meeting: Meeting, repo: string): boolean {
  const key = repo.toLowerCase();
  const owner = key.split("/")[0];
  return (
    meeting.scope.repos.some((named) => named.toLowerCase() === key) ||
    meeting.scope.orgs.some((org) => org.toLowerCase() === owner)
  );
}

/** Whether the meeting is declared in the repository `owner/name` (GitHub's names are case-insensitive). */
export function isHomeOf(meeting: Meeting, repo: string): boolean {
  return `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase() === repo.toLowerCase();
}
