import type { GitHub } from "../../github.js";
import type { AgendaItem, ItemRef, Meeting } from "../../model.js";
import { inCategories } from "../../collect/collect-discussions.js";
import { escapeMarkdown } from "../../render/escape-markdown.js";
import { inScope } from "../../collect/in-scope.js";
import { itemKey } from "../../collect/item-key.js";
import { readVisibleItems } from "../../collect/read-visible-items.js";

export interface CheckedItem {
  ref: ItemRef;
  title: string;
  url: string;
  labels: string[];
  open: boolean;
}

/**
 * Checks every item before anything changes: one refused item leaves them all as they were.
 * Closed items are refused when `openOnly`, since the agenda lists open items only. The items are
 * read through the visibility rule, as the agenda reads them: an item the meeting may not show
 * gets the same answer as one that does not exist, since the reply is public in the home repo
 * and must not tell whether a private repository or item exists. An item moved to a repository
 * the meeting may show is checked (and labelled) at its new location.
 */
export async function checkAgendaItems(
  octokit: GitHub,
  meeting: Meeting,
  refs: ItemRef[],
  { openOnly }: { openOnly: boolean },
): Promise<{ items: CheckedItem[] } | { refused: string }> {
  const discussions = meeting.sources?.discussions;
  const toRead = refs.filter((ref) => inScope(meeting, ref.repo) && (discussions || !ref.discussion));
  const homePrivate = toRead.length > 0 && (await octokit.rest.repos.get({ ...meeting.home })).data.private;
  const read = await readVisibleItems(octokit, meeting, { private: homePrivate }, toRead);
  const found = new Map(read.items.map((visible) => [visible.asked, visible]));
  const items: CheckedItem[] = [];
  const refusals: string[] = [];
  for (const ref of refs) {
    const name = `${ref.repo}#${ref.number}`;
    const visible = found.get(itemKey(ref));
    if (!inScope(meeting, ref.repo)) refusals.push(`${name} is outside the meeting's scope (${describeScope(meeting.scope)}).`);
    else if (ref.discussion && !discussions) refusals.push(takesNoDiscussions(name));
    else if (!visible) refusals.push(await notShown(name, ref, read.mayShow, homePrivate));
    else if (openOnly && !visible.open) refusals.push(`${name} is closed; only open items are on the agenda.`);
    else if (discussions && visible.item.kind === "discussion" && !inCategories(discussions, visible.category))
      refusals.push(`${name} is a discussion of the category ${escapeMarkdown(visible.category ?? "")}; this meeting takes discussions of ${discussions.categories.map(escapeMarkdown).join(", ")} only.`);
    else items.push({ ref: checkedRef(visible.item), title: visible.item.title, url: visible.item.url, labels: visible.item.labels, open: visible.open });
  }
  if (refusals.length === 0) return { items };
  return { refused: refusals.length === 1 ? (refusals[0] as string) : refusals.map((refusal) => `- ${refusal}`).join("\n") };
}

/** The refusal of a discussion named to a meeting without `sources.discussions`. */
export function takesNoDiscussions(name: string): string {
  return `${name} is a discussion, and this meeting does not take discussions (its config has no \`sources.discussions\`).`;
}

/** Why an item is not acted on: missing, when the meeting may show its repository; else one answer for every other case. */
async function notShown(name: string, ref: ItemRef, mayShow: (repo: ItemRef["repo"]) => Promise<boolean>, homePrivate: boolean): Promise<string> {
  if (await mayShow(ref.repo)) return `${name} does not exist.`;
  const rule = homePrivate
    ? "or its repository is not public and the meeting's include_private does not list it"
    : "or its repository is not public while the meeting's issues and minutes are public";
  return `${name} is not an item this meeting can show: it does not exist, the app cannot see it, ${rule}.`;
}

/** Where the item is now, and whether it is a discussion (labelled apart). */
function checkedRef(item: AgendaItem): ItemRef {
  const ref: ItemRef = { repo: item.repo, number: item.number };
  return item.kind === "discussion" ? { ...ref, discussion: true } : ref;
}

function describeScope(scope: Meeting["scope"]): string {
  if (scope.orgs.length > 0) return `${scope.orgs.length === 1 ? "the org" : "the orgs"} ${scope.orgs.join(", ")}`;
  return `the repositories ${scope.repos.join(", ")}`;
}
