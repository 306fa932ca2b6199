import { inScope } from "../collect/in-scope.js";
import type { GitHub } from "../github.js";
import type { Meeting, RepoFullName } from "../model.js";
import { ifFound } from "../github.js";
import type { ItemRef } from "./parse-item-ref.js";

export interface CheckedItem {
  ref: ItemRef;
  title: string;
  labels: string[];
  open: boolean;
}

export type ItemCheck = { item: CheckedItem } | { refused: string };

/**
 * Whether the meeting may act on an item: it is in the meeting's scope, it exists, and the meeting
 * may show it. Items of private or internal repositories show only on a private home repo's
 * meeting, and only from the home repo and `includePrivate`, as in collect.
 */
export async function checkAgendaItem(octokit: GitHub, meeting: Meeting, ref: ItemRef): Promise<ItemCheck> {
  const [owner = "", repo = ""] = ref.repo.split("/");
  const name = `${ref.repo}#${ref.number}`;
  if (!inScope(meeting, ref.repo)) {
    return { refused: `${name} is outside the meeting's scope (${describeScope(meeting.scope)}).` };
  }
  const repository = await ifFound(octokit.rest.repos.get({ owner, repo }));
  if (!repository) return { refused: `${ref.repo} does not exist, or the app is not installed on it.` };
  const { visibility, private: isPrivate } = repository.data;
  if (isPrivate || (visibility !== undefined && visibility !== "public")) {
    const refusal = await privateRefusal(octokit, meeting, ref.repo, isPrivate);
    if (refusal) return { refused: `${name} ${refusal}` };
  }
  const issue = await ifFound(octokit.rest.issues.get({ owner, repo, issue_number: ref.number }));
  if (!issue) return { refused: `${name} does not exist.` };
  return {
    item: {
      ref,
      title: issue.data.title,
      labels: issue.data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      open: issue.data.state === "open",
    },
  };
}

async function privateRefusal(octokit: GitHub, meeting: Meeting, repo: RepoFullName, itemRepoPrivate: boolean): Promise<string | undefined> {
  const homeName = `${meeting.home.owner}/${meeting.home.repo}`;
  const isHome = homeName.toLowerCase() === repo.toLowerCase();
  const homePrivate = isHome
    ? itemRepoPrivate
    : (await octokit.rest.repos.get({ owner: meeting.home.owner, repo: meeting.home.repo })).data.private;
  if (!homePrivate) {
    return `is in a repository that is not public, and this meeting's issues and minutes are public in ${homeName}.`;
  }
  const listed = isHome || meeting.includePrivate.some((included) => included.toLowerCase() === repo.toLowerCase());
  return listed ? undefined : `is in a repository that is not public and that the meeting's include_private does not list.`;
}

function describeScope(scope: Meeting["scope"]): string {
  if (scope.orgs.length > 0) return `${scope.orgs.length === 1 ? "the org" : "the orgs"} ${scope.orgs.join(", ")}`;
  return `the repositories ${scope.repos.join(", ")}`;
}
