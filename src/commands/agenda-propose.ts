import { isAgendaLabel } from "../collect/is-agenda-label.js";
import type { ItemRef } from "../model.js";
import { PROPOSALS_PER_PERSON, PROPOSALS_PER_PERSON_PER_HOUR, WHY_LENGTH } from "../operations/steps/proposal-limits.js";
import { declareCommand } from "./command-declaration.js";
import { itemList } from "./item-list.js";
import { refArgument } from "./ref-arguments.js";

/** More is an essay, not a reason; the agenda keeps WHY_LENGTH characters of it. */
const LONGEST_WHY = 1_000;

export interface ProposeArguments {
  ref: ItemRef;
  why?: string;
}

export const agendaPropose = declareCommand<ProposeArguments>({
  verb: "agenda",
  subcommand: "propose",
  usage: "/agenda propose <ref> [why]",
  description:
    `Proposes an item (named as for \`/agenda add\`) for the agenda without labelling it: it is listed under Proposed, with your reason (its first ${WHY_LENGTH} characters), ` +
    "until a steerer adds it (`/agenda add`, or by labelling it) or declines it (`/agenda decline`), or it is closed; you get one reply either way. " +
    `At most ${PROPOSALS_PER_PERSON} proposals a person per meeting, ${PROPOSALS_PER_PERSON_PER_HOUR} an hour; none once the meeting has started.`,
  who: "anyone who may comment",
  examples: ["/agenda propose nodejs/node#52575", "/agenda propose #1263 The release announcement needs a decision before Thursday"],
  parse(words, rest, context) {
    const [word] = words;
    if (word === undefined) return { problem: "Name the issue, pull request or discussion you propose." };
    const parsed = refArgument(word, context);
    if ("problem" in parsed) return parsed;
    const ref = parsed.args;
    const why = rest.slice(word.length).trim();
    if (why.length > LONGEST_WHY) return { problem: `The reason is ${why.length} characters long; keep it under ${LONGEST_WHY}.` };
    return { args: why === "" ? { ref } : { ref, why } };
  },
  access: () => "comment",
  itemCount: () => 1,
  async run({ ref, why }, context) {
    // As `/agenda add` reads items: one the meeting may not show gets the answer of one that does not exist.
    const checked = await context.github.checkItems([ref], { openOnly: true });
    if ("refused" in checked) return checked;
    const [item] = checked.items;
    if (!item) return { refused: "the item could not be read." };
    if (item.labels.some((label) => isAgendaLabel(context.meeting, label))) return { reply: `Already on the agenda:\n${itemList([item])}` };
    const proposed = await context.actions.propose({ item, by: context.commenter, ...(why !== undefined && { why }) });
    if (proposed.refused !== undefined) return { refused: proposed.refused };
    await context.actions.refresh();
    return {
      reply: `Proposed for the agenda:\n${itemList([item])}\n\nPeople who may steer this meeting add it with \`/agenda add\` or decline it with \`/agenda decline\`; you will get a reply either way.`,
    };
  },
});
