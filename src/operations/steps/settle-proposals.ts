import type { GitHub } from "../../github.js";
import type { Log } from "../../log.js";
import type { Meeting } from "../../model.js";
import { itemKey } from "../../collect/item-key.js";
import { parseItemKey } from "../../collect/read-item.js";
import { readVisibleItems } from "../../collect/read-visible-items.js";
import { decideProposals, type Decided } from "../../publish/proposal-decision.js";
import type { ProposalRecord } from "../../publish/proposal-record.js";
import { proposalReply } from "../../render/proposal-reply.js";

const OUTCOMES: Record<NonNullable<Decided["via"]>, string> = {
  label: "is on the agenda: it was labelled in its repository.",
  board: "is on the agenda: it was set on the meeting's project board.",
  gone: "is withdrawn: the item was closed, deleted or transferred before a steerer decided on it.",
};

/**
 * Decides the pending proposals the agenda settled without a command: an item on the agenda as
 * just written (labelled in its repository, or set on the board) is added; one closed, deleted
 * or transferred is withdrawn. Each proposer is told once (decideProposals). An item the meeting
 * may no longer show (its repository made private) stays pending and unnamed. Whether it decided any.
 */
export async function settleProposals(
  octokit: GitHub,
  meeting: Meeting,
  issue: { number: number; records: ProposalRecord[]; agendaItems: string[]; home: { private: boolean } },
  context: { now: Date; log: Log },
): Promise<boolean> {
  const pending = issue.records.filter((record) => !record.decided);
  if (pending.length === 0 || meeting.dryRun) return false;
  const onAgenda = new Set(issue.agendaItems.map((key) => itemKey(parseItemKey(key))));
  const decisions: { record: ProposalRecord; via: NonNullable<Decided["via"]> }[] = [];
  const elsewhere = pending.filter((record) => {
    if (!onAgenda.has(itemKey(record))) return true;
    decisions.push({ record, via: meeting.sources?.project ? "board" : "label" });
    return false;
  });
  if (elsewhere.length > 0) {
    const refs = elsewhere.map((record) => ({ repo: record.repo, number: record.number, ...(isDiscussionUrl(record.url) && { discussion: true }) }));
    const read = await readVisibleItems(octokit, meeting, issue.home, refs, { batched: true });
    for (const record of elsewhere) {
      // Withdrawn only on GitHub's word: an item it refused to read (the permission gone) may still be there.
      if (!(await read.mayShow(record.repo)) || read.unreadable.has(itemKey(record))) continue;
      const found = read.items.find(({ asked, item }) => asked === itemKey(record) && itemKey(item) === itemKey(record));
      if (!found?.open) decisions.push({ record, via: "gone" });
    }
  }
  const at = context.now.toISOString();
  const decided = decisions.map(({ record, via }) => ({
    record,
    decided: { outcome: via === "gone" ? "declined" : "added", by: "", via, at } satisfies Decided,
    notice: proposalReply(record, OUTCOMES[via]),
  }));
  return (await decideProposals(octokit, meeting.home, issue.number, decided, { now: context.now, dryRun: false, log: context.log })).length > 0;
}

/** Whether a proposal's recorded URL is a discussion's, which GraphQL reads apart from issues. */
function isDiscussionUrl(url: string | undefined): boolean {
  return url !== undefined && /\/discussions\/\d+$/.test(url);
}
