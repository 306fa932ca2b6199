import type { GitHub } from "../../github.js";
import type { Agenda, AgendaItem, Meeting, Occurrence } from "../../model.js";
import { buildAgenda } from "../../agenda/build-agenda.js";
import { buildSearchQueries } from "../../collect/build-search-queries.js";
import { parseItemKey, readItem } from "../../collect/read-item.js";
import { searchUrl } from "../../collect/search-url.js";

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

/** The items by `owner/name#number`, as they are now; one that was deleted since is left out. */
async function readItems(octokit: GitHub, keys: string[]): Promise<AgendaItem[]> {
  const items: AgendaItem[] = [];
  for (const key of keys) {
    const read = await readItem(octokit, parseItemKey(key));
    if (read) items.push(read.item);
  }
  return items;
}
