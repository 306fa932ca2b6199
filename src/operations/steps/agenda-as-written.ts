import type { GitHub } from "../../github.js";
import type { Agenda, Meeting, Occurrence, ProjectSource } from "../../model.js";
import { buildAgenda } from "../../agenda/build-agenda.js";
import { buildSearchQueries } from "../../collect/build-search-queries.js";
import { parseItemKey } from "../../collect/read-item.js";
import { readProjectField } from "../../collect/read-project-field.js";
import { readVisibleItems, visibilityReader } from "../../collect/read-visible-items.js";
import { searchDialect } from "../../collect/search-dialect.js";
import { searchUrl, webOriginOf } from "../../collect/search-url.js";
import type { MeetingState } from "../../publish/meeting-state.js";
import { draftLiveAgenda } from "./draft-live-agenda.js";
import { invitedTeamsAsShown, readInvitedTeams } from "../../collect/read-invited-teams.js";

/**
 * The agenda the app last wrote into the issue (`agendaItems`), with the items' details as they
 * are now, and only those the visibility rule lets the meeting show now: an item of a repository
 * made private since the agenda was written, or moved where the meeting may not show it, is left
 * out, as is one deleted since; and the invited teams as the issue lists them now (none when it
 * invites no team), under the same home repo's visibility.
 */
export async function agendaAsWritten(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  agendaItems: string[],
): Promise<Pick<Agenda, "groups" | "searchUrls" | "invitedTeams">> {
  const { data: home, headers } = await octokit.rest.repos.get({ ...meeting.home });
  // Read 100 a query: a frozen agenda may hold a thousand items, one REST read each a fifth of the hour's budget.
  const read = await readVisibleItems(octokit, meeting, { private: home.private }, agendaItems.map(parseItemKey), { batched: agendaItems.length > 1 });
  const agenda = buildAgenda(meeting, occurrence, read.items.map(({ item }) => item));
  const { teams } = await readInvitedTeams(octokit, meeting, { private: home.private });
  const invited = teams.length > 0 ? { invitedTeams: teams } : {};
  const source = meeting.sources?.project;
  if (source) return { groups: agenda.groups, searchUrls: await boardUrls(octokit, source, home.private), ...invited };
  const queries = buildSearchQueries(meeting, { private: home.private }, searchDialect(octokit, headers));
  return { groups: agenda.groups, searchUrls: queries.map((query) => searchUrl(query.q, webOriginOf(home.html_url))), ...invited };
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
  return (await draftLiveAgenda(octokit, { meeting, occurrence, facts: [], repoFacts: [] })).content.agendaItems;
}

/**
 * The frozen agenda without the repositories the visibility rule does not let the meeting show
 * now: a repository made private after the freeze leaves the minutes when they are next written,
 * and so does a recorded member's name once the home repo is public or their membership private.
 * Each repository's visibility is read once.
 */
export async function frozenAgendaAsShown<T extends Pick<Agenda, "groups" | "searchUrls" | "invitedTeams">>(octokit: GitHub, meeting: Meeting, frozen: T): Promise<T> {
  const { data: home } = await octokit.rest.repos.get({ ...meeting.home });
  const mayShow = visibilityReader(octokit, meeting, { private: home.private });
  const groups = [];
  for (const group of frozen.groups) if (await mayShow(group.repo)) groups.push(group);
  const invitedTeams = frozen.invitedTeams && (await invitedTeamsAsShown(octokit, frozen.invitedTeams, { private: home.private }));
  return { ...frozen, groups, ...(invitedTeams && { invitedTeams }) };
}

/** The board that is the meeting's agenda, as the live agenda links it: none when it is gone, or private while the home repo is public. */
async function boardUrls(octokit: GitHub, source: ProjectSource, homePrivate: boolean): Promise<string[]> {
  const board = await readProjectField(octokit, source);
  return board.kind === "found" && (board.public || homePrivate) ? [board.url] : [];
}
