import type { GitHub } from "../../github.js";
import type { Agenda, AgendaItem, Meeting, Occurrence } from "../../model.js";
import { buildAgenda } from "../../agenda/build-agenda.js";
import { buildSearchQueries } from "../../collect/build-search-queries.js";
import { parseItemKey, readItem } from "../../collect/read-item.js";
import { searchUrl } from "../../collect/search-url.js";
import type { MeetingState } from "../../publish/meeting-state.js";
import { draftLiveAgenda } from "./draft-live-agenda.js";

/** The agenda the app last wrote into the issue (`agendaItems`), with the items' details as they are now. */
export async function agendaAsWritten(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  agendaItems: string[],
): Promise<Pick<Agenda, "groups" | "searchUrls">> {
  const agenda = buildAgenda(meeting, occurrence, await readItems(octokit, agendaItems));
  const { data: home } = await octokit.rest.repos.get({ ...meeting.home });
  return { groups: agenda.groups, searchUrls: buildSearchQueries(meeting, { private: home.private }).map((query) => searchUrl(query.q)) };
}

/**
 * The items of the agenda the app last wrote, as its signed state records them. Without one (the
 * state was edited or copied, and is no record of the app's), the items labelled now: the agenda
 * as it stood cannot be read back from what a person may have changed.
 */
export async function writtenAgendaItems(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  state: MeetingState | undefined,
): Promise<string[]> {
  if (state) return state.agendaItems;
  return (await draftLiveAgenda(octokit, { meeting, occurrence, facts: [] })).content.agendaItems;
}

/** The items by `owner/name#number`, as they are now; one that was deleted since is left out. */
async function readItems(octokit: GitHub, keys: string[]): Promise<AgendaItem[]> {
  const items: AgendaItem[] = [];
  for (const key of keys) {
    const read = await readItem(octokit, parseItemKey(key));
    if (read) items.push(read.item);
  }
  return items;
}
