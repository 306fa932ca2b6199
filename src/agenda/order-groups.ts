import type { AgendaGroup, RepoFullName } from "../model.js";

/**
 * Repositories listed in `repoOrder` first, in that order, then the rest alphabetically; names
 * compare case-insensitively, as GitHub treats them.
 */
export function orderGroups(groups: AgendaGroup[], repoOrder: RepoFullName[]): AgendaGroup[] {
  const rank = new Map<string, number>();
  repoOrder.forEach((repo, index) => {
    if (!rank.has(repo.toLowerCase())) rank.set(repo.toLowerCase(), index);
  });
  const rankOf = (group: AgendaGroup) => rank.get(group.repo.toLowerCase()) ?? repoOrder.length;
  return [...groups].sort((a, b) => {
    const byRank = rankOf(a) - rankOf(b);
    if (byRank !== 0) return byRank;
    const [left, right] = [a.repo.toLowerCase(), b.repo.toLowerCase()];
    return left < right ? -1 : left > right ? 1 : 0;
  });
}
