import type { Agenda, AgendaGroup, AgendaItem, FollowUps, InvitedTeam, Meeting, Occurrence } from "../model.js";
import { itemKey } from "../collect/item-key.js";
import { orderGroups } from "./order-groups.js";

export interface BuildAgendaOptions {
  /** Items on the previous occurrence's agenda; when given, the others are marked `isNew`. */
  previous?: { repo: string; number: number }[];
  /** GitHub search pages that list the same items. */
  searchUrls?: string[];
  /** Search matched more than it returns. */
  truncated?: boolean;
  /** What the previous occurrence's merged minutes left to do. */
  followUps?: FollowUps;
  /** The invited teams read, with their members. */
  invitedTeams?: InvitedTeam[];
  /** GitHub refused to search the meeting's discussions. */
  discussionsUnread?: boolean;
}

/** The agenda of one occurrence: its items grouped by repository, in display order. */
export function buildAgenda(
  meeting: Meeting,
  occurrence: Occurrence,
  items: AgendaItem[],
  options: BuildAgendaOptions = {},
): Agenda {
  const { previous } = options;
  const previousKeys = previous && new Set(previous.map(itemKey));

  const groups = new Map<string, AgendaGroup>();
  for (const item of items) {
    const repoKey = item.repo.toLowerCase();
    const group = groups.get(repoKey) ?? { repo: item.repo, items: [] };
    groups.set(repoKey, group);
    const isNew = previousKeys && !previousKeys.has(itemKey(item));
    group.items.push(isNew === undefined ? { ...item } : { ...item, isNew });
  }
  for (const group of groups.values()) group.items.sort((a, b) => b.number - a.number);

  return {
    meeting,
    occurrence,
    groups: orderGroups([...groups.values()], meeting.repoOrder),
    searchUrls: options.searchUrls ?? [],
    ...(options.truncated && { truncated: true }),
    ...(options.discussionsUnread && { discussionsUnread: true }),
    ...(options.followUps && { followUps: options.followUps }),
    ...(options.invitedTeams && options.invitedTeams.length > 0 && { invitedTeams: options.invitedTeams }),
  };
}
