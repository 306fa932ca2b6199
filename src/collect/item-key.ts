/** An item's identity across searches, agendas and commands: repository names are case-insensitive. */
export function itemKey(item: { repo: string; number: number }): string {
  return `${item.repo.toLowerCase()}#${item.number}`;
}
