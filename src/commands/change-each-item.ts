import { UserError } from "../errors.js";
import type { CheckedItem } from "../operations/command-github.js";
import type { CommandResult } from "./command-declaration.js";
import { itemList } from "./item-list.js";

/** What changing a command's items one by one did to each. */
export interface ItemChanges {
  changed: CheckedItem[];
  /** Why each of the others was not changed, as its line of the reply says. */
  failed: { item: CheckedItem; reason: string }[];
  /** The first fault of GitHub's, for the app to log once the reply is out. */
  fault?: unknown;
}

/** Told for an item GitHub failed on: a lost answer may have changed it all the same. */
const FAULT_REASON = "failed on an unexpected error, which the app has logged; it may have changed all the same.";

/**
 * Changes each item in turn; one that fails leaves the others to be tried, so that an item
 * GitHub refuses (a discussion the installation may only read) or fails on does not hide what was
 * done to the others.
 */
export async function changeEachItem(items: CheckedItem[], change: (item: CheckedItem) => Promise<void>): Promise<ItemChanges> {
  const changes: ItemChanges = { changed: [], failed: [] };
  for (const item of items) {
    try {
      await change(item);
      changes.changed.push(item);
    } catch (error) {
      const refused = error instanceof UserError;
      changes.failed.push({ item, reason: refused ? error.message : FAULT_REASON });
      if (!refused) changes.fault ??= error;
    }
  }
  return changes;
}

/**
 * The answer: the items changed, one line for each that was not, saying why, then `unchanged`
 * (what needed no change). Nothing changed for reasons of the user's is a refusal, as one refused
 * item always was; a fault with nothing else to tell is the command's failure.
 */
export function itemChangesReply(changes: ItemChanges, headings: { changed: string; failed: string }, unchanged: string): CommandResult {
  const { changed, failed, fault } = changes;
  if (changed.length === 0 && failed.length > 0) {
    if (fault === undefined) {
      const [only] = failed;
      return { refused: only && failed.length === 1 && !unchanged ? only.reason : join([failedLines(changes), unchanged]) };
    }
    if (failed.length === 1 && !unchanged) throw fault;
  }
  const reply = join([
    changed.length > 0 ? `${headings.changed}:\n${itemList(changed)}` : "",
    failed.length > 0 ? `${headings.failed}:\n${failedLines(changes)}` : "",
    unchanged,
  ]);
  return fault === undefined ? { reply } : { reply, failure: fault };
}

function failedLines({ failed }: ItemChanges): string {
  return failed.map(({ item, reason }) => `- ${item.ref.repo}#${item.ref.number}: ${reason}`).join("\n");
}

function join(sections: string[]): string {
  return sections.filter(Boolean).join("\n\n");
}
