import type { CommandContext } from "./command-context.js";
import { checkAgendaItem, type CheckedItem } from "./check-agenda-item.js";
import type { ItemRef } from "./parse-item-ref.js";

/**
 * Checks every item before anything changes: one refused item leaves them all as they were.
 * Closed items are refused when `openOnly`, since the agenda lists open items only.
 */
export async function checkAgendaItems(
  context: CommandContext,
  refs: ItemRef[],
  { openOnly }: { openOnly: boolean },
): Promise<{ items: CheckedItem[] } | { refused: string }> {
  const items: CheckedItem[] = [];
  const refusals: string[] = [];
  for (const ref of refs) {
    const checked = await checkAgendaItem(context.octokit, context.meeting, ref);
    if ("refused" in checked) refusals.push(checked.refused);
    else if (openOnly && !checked.item.open) refusals.push(`${ref.repo}#${ref.number} is closed; only open items are on the agenda.`);
    else items.push(checked.item);
  }
  if (refusals.length === 0) return { items };
  return { refused: refusals.length === 1 ? (refusals[0] as string) : refusals.map((refusal) => `- ${refusal}`).join("\n") };
}
