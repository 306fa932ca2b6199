import { itemKey } from "../../collect/item-key.js";
import type { ItemRef } from "../../model.js";
import type { ProposalRecord } from "../../publish/proposal-record.js";

/** What one person may propose on one meeting issue: enough to raise a few topics, too few to flood it. */
export const PROPOSALS_PER_PERSON = 3;
export const PROPOSALS_PER_PERSON_PER_HOUR = 2;
/** Proposals waiting for a steerer at once, and made on one issue in all (the state must stay small). */
export const PENDING_PROPOSALS = 20;
export const PROPOSALS_PER_OCCURRENCE = 50;
/** How much of a proposer's reason, and of the item's title, the state keeps and the agenda shows. */
export const WHY_LENGTH = 200;
export const TITLE_LENGTH = 200;

const HOUR_MS = 3_600_000;

/**
 * Why `login` may not propose `ref` now, written for them, or undefined when they may. The
 * decided proposals count too: proposing, being declined and proposing again is still proposing.
 */
export function proposalRefusal(records: readonly ProposalRecord[], login: string, ref: ItemRef, now: Date): string | undefined {
  const key = itemKey(ref);
  // An item closed (or moved) before a decision was declined by no one: open again, it may be proposed again.
  const same = records.filter((record) => itemKey(record) === key);
  if (same.some((record) => record.decided?.outcome === "declined" && record.decided.via !== "gone")) {
    return `${ref.repo}#${ref.number} was declined for this meeting; propose it again on the next meeting's issue.`;
  }
  if (same.some((record) => !record.decided)) return `${ref.repo}#${ref.number} is proposed already and waits for a steerer.`;
  const own = records.filter((record) => record.by.toLowerCase() === login.toLowerCase());
  if (own.length >= PROPOSALS_PER_PERSON) {
    return `you have made ${own.length} proposals for this meeting, the most one person may; propose again on the next meeting's issue.`;
  }
  const lastHour = own.filter((record) => now.getTime() - Date.parse(record.at) < HOUR_MS);
  if (lastHour.length >= PROPOSALS_PER_PERSON_PER_HOUR) {
    const oldest = Math.min(...lastHour.map((record) => Date.parse(record.at)));
    return `you have made ${lastHour.length} proposals within the hour, the most one person may; you can propose again from ${utcTime(new Date(oldest + HOUR_MS))}.`;
  }
  if (records.filter((record) => !record.decided).length >= PENDING_PROPOSALS) {
    return `${PENDING_PROPOSALS} proposals already wait for a steerer, the most a meeting holds; propose again once some are decided.`;
  }
  if (records.length >= PROPOSALS_PER_OCCURRENCE) return `this meeting has had ${records.length} proposals, the most one meeting takes; propose on the next meeting's issue.`;
  return undefined;
}

/** `2024-03-26 10:15 UTC` */
function utcTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A proposer's reason as kept: one line, without control characters, cut short between characters. */
export function keptText(text: string, longest: number): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001F\u007F]+/g, " ").replace(/\s+/g, " ").trim();
  if (line.length <= longest) return line;
  const kept = line.slice(0, longest - 1);
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}
