import type { GitHub } from "../../github.js";
import type { ItemRef, Meeting } from "../../model.js";
import { ifFound } from "../../github.js";
import { inScope } from "../../collect/in-scope.js";
import { isPublicRepository, repoVisibility } from "../../collect/visibility.js";

export interface CheckedItem {
  ref: ItemRef;
  title: string;
  labels: string[];
  open: boolean;
}

type ItemCheck = { item: CheckedItem } | { refused: string };

/**
 * Checks every item before anything changes: one refused item leaves them all as they were.
 * Closed items are refused when `openOnly`, since the agenda lists open items only.
 */
export async function checkAgendaItems(
  octokit: GitHub,
  meeting: Meeting,
  refs: ItemRef[],
  { openOnly }: { openOnly: boolean },
): Promise<{ items: CheckedItem[] } | { refused: string }> {
  const items: CheckedItem[] = [];
  const refusals: string[] = [];
  for (const ref of refs) {
    const checked = await checkAgendaItem(octokit, meeting, ref);
    if ("refused" in checked) refusals.push(checked.refused);
    else if (openOnly && !checked.item.open) refusals.push(`${ref.repo}#${ref.number} is closed; only open items are on the agenda.`);
    else items.push(checked.item);
  }
  if (refusals.length === 0) return { items };
  return { refused: refusals.length === 1 ? (refusals[0] as string) : refusals.map((refusal) => `- ${refusal}`).join("\n") };
}

/** Whether the meeting may act on an item: it is in the meeting's scope, it exists, and the visibility rule lets the meeting show it. */
async function checkAgendaItem(octokit: GitHub, meeting: Meeting, ref: ItemRef): Promise<ItemCheck> {
  const [owner = "", repo = ""] = ref.repo.split("/");
  const name = `${ref.repo}#${ref.number}`;
  if (!inScope(meeting, ref.repo)) {
    return { refused: `${name} is outside the meeting's scope (${describeScope(meeting.scope)}).` };
  }
  const repository = await ifFound(octokit.rest.repos.get({ owner, repo }));
  if (!repository) return { refused: `${ref.repo} does not exist, or the app is not installed on it.` };
  const repoPublic = isPublicRepository(repository.data);
  if (!repoPublic) {
    const homePrivate = isHome(meeting, ref)
      ? repository.data.private
      : (await octokit.rest.repos.get({ ...meeting.home })).data.private;
    const visibility = repoVisibility(meeting, ref.repo, { homePrivate, repoPublic });
    if (visibility === "not-public-in-public-home") {
      return { refused: `${name} is in a repository that is not public, and this meeting's issues and minutes are public in ${meeting.home.owner}/${meeting.home.repo}.` };
    }
    if (visibility === "not-public-not-included") {
      return { refused: `${name} is in a repository that is not public and that the meeting's include_private does not list.` };
    }
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

function isHome(meeting: Meeting, ref: ItemRef): boolean {
  return `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase() === ref.repo.toLowerCase();
}

function describeScope(scope: Meeting["scope"]): string {
  if (scope.orgs.length > 0) return `${scope.orgs.length === 1 ? "the org" : "the orgs"} ${scope.orgs.join(", ")}`;
  return `the repositories ${scope.repos.join(", ")}`;
}
