import { itemKey } from "../collect/item-key.js";
import type { ItemRef } from "../model.js";
import { takesNoDiscussions } from "../operations/steps/check-agenda-items.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { declareCommand, STEERERS } from "./command-declaration.js";
import { refArgument } from "./ref-arguments.js";

const LONGEST_REASON = 500;

export interface DeclineArguments {
  ref: ItemRef;
  reason?: string;
}

export const agendaDecline = declareCommand<DeclineArguments>({
  verb: "agenda",
  subcommand: "decline",
  usage: "/agenda decline <ref> [reason]",
  description:
    "Declines an item proposed with `/agenda propose` (named as for `/agenda add`): it leaves the Proposed list, its proposer is told (with the reason), and it cannot be proposed again for this meeting.",
  who: STEERERS,
  examples: ["/agenda decline nodejs/node#52575", "/agenda decline #1263 Covered by the release working group"],
  parse(words, rest, context) {
    const [word] = words;
    if (word === undefined) return { problem: "Name the proposed issue, pull request or discussion." };
    const parsed = refArgument(word, context);
    if ("problem" in parsed) return parsed;
    const ref = parsed.args;
    const reason = rest.slice(word.length).trim();
    if (reason.length > LONGEST_REASON) return { problem: `The reason is ${reason.length} characters long; keep it under ${LONGEST_REASON}.` };
    return { args: reason === "" ? { ref } : { ref, reason } };
  },
  access: () => "steer",
  itemCount: () => 1,
  async run({ ref, reason }, context) {
    const name = `${ref.repo}#${ref.number}`;
    if (ref.discussion && !context.meeting.sources?.discussions) return { refused: takesNoDiscussions(name) };
    const because = reason === undefined ? "" : ` The reason given: ${escapeMarkdown(reason)}`;
    const told = `is declined for this meeting by ${escapeMarkdown(`@${context.commenter}`)}.${because}`;
    // Only what was proposed here can be declined: the list holds items the meeting may show, so this tells nothing of others.
    const decided = (await context.actions.decideProposals([ref], { outcome: "declined", told })).filter((entry) => itemKey(entry) === itemKey(ref));
    if (decided.length === 0) return { refused: `${name} has no proposal waiting on this meeting's issue.` };
    await context.actions.refresh();
    // The notice to the proposer, which names the steerer, is the answer.
    return { reply: "" };
  },
});
