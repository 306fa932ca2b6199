import type { Agenda, AgendaGroup } from "../model.js";

/**
 * The agenda with `hidden` items left out so that the text that shows it fits GitHub's limits:
 * the longest lists lose items first (one at a time from the repository group with the most items
 * shown, the first such group in display order on a tie), and each group keeps its newest items,
 * the top of its list. `hiddenItems` says how many are left out.
 */
export function cutAgenda(agenda: Agenda, hidden: number): Agenda {
  const total = countItems(agenda);
  const cut = Math.min(Math.max(0, Math.floor(hidden)), total);
  if (cut === 0) return agenda;
  const shown = shortenLongest(agenda.groups.map((group) => group.items.length), cut);
  const groups: AgendaGroup[] = agenda.groups
    .map((group, index) => ({ ...group, items: group.items.slice(0, shown[index]) }))
    .filter((group) => group.items.length > 0);
  return { ...agenda, groups, hiddenItems: (agenda.hiddenItems ?? 0) + cut };
}

/**
 * The agenda with `hidden` of its invited teams' members left out by the same rule: the longest
 * member lists lose members first, each keeping the top of its list; `unlistedMembers` counts them.
 */
export function cutMembers(agenda: Agenda, hidden: number): Agenda {
  const teams = agenda.invitedTeams ?? [];
  const cut = Math.min(Math.max(0, Math.floor(hidden)), countMembers(agenda));
  if (cut === 0) return agenda;
  const shown = shortenLongest(teams.map((team) => team.members.length), cut);
  const invitedTeams = teams.map((team, index) => {
    const unlisted = (team.unlistedMembers ?? 0) + team.members.length - shown[index]!;
    return { ...team, members: team.members.slice(0, shown[index]), ...(unlisted > 0 && { unlistedMembers: unlisted }) };
  });
  return { ...agenda, invitedTeams };
}

/** The lengths after `cut` removals, one at a time from the longest (the first on a tie). */
function shortenLongest(lengths: number[], cut: number): number[] {
  const shown = [...lengths];
  for (let left = cut; left > 0; left--) {
    const longest = shown.indexOf(Math.max(...shown));
    shown[longest]! -= 1;
  }
  return shown;
}

function countMembers(agenda: Pick<Agenda, "invitedTeams">): number {
  return (agenda.invitedTeams ?? []).reduce((count, team) => count + team.members.length, 0);
}

export function countItems(agenda: Pick<Agenda, "groups">): number {
  return agenda.groups.reduce((count, group) => count + group.items.length, 0);
}

/** The agenda markdown with items left out, and the items it still shows (`owner/name#number`). */
export interface CutAgendaText {
  agendaMarkdown: string;
  agendaItems: string[];
}

/** An agenda and its text, cut as much as a body's limit needs: its invited members, then its items. */
export interface AgendaCutter {
  /** How many items the agenda has before any cut. */
  itemCount: number;
  /** How many invited teams' members it lists before any cut. */
  memberCount: number;
  agenda(hidden: number): Agenda;
  cut(hidden: number, hiddenMembers?: number): CutAgendaText;
}

export function agendaCutter(agenda: Agenda, render: (cut: Agenda) => string): AgendaCutter {
  const cutOf = (hidden: number, hiddenMembers = 0) => cutAgenda(cutMembers(agenda, hiddenMembers), hidden);
  return {
    itemCount: countItems(agenda),
    memberCount: countMembers(agenda),
    agenda: cutOf,
    cut(hidden, hiddenMembers) {
      const cut = cutOf(hidden, hiddenMembers);
      return {
        agendaMarkdown: render(cut),
        agendaItems: cut.groups.flatMap((group) => group.items.map((item) => `${item.repo}#${item.number}`)),
      };
    },
  };
}

/**
 * The fewest items to leave out, from none to `total`, for which `fits` holds; undefined when it
 * holds for none. Leaving out more never makes a text longer, save the note that says so, which
 * appears with the first item left out: a binary search from one item up.
 */
export function fewestHidden(total: number, fits: (hidden: number) => boolean): number | undefined {
  if (fits(0)) return 0;
  if (total === 0 || !fits(total)) return undefined;
  let tooFew = 0;
  let enough = total;
  while (enough - tooFew > 1) {
    const middle = Math.floor((tooFew + enough) / 2);
    if (fits(middle)) enough = middle;
    else tooFew = middle;
  }
  return enough;
}
