import { isAgendaLabel } from "../collect/is-agenda-label.js";
import { itemKey } from "../collect/item-key.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { boardAgendaRefusal } from "./board-agenda.js";
import { changeEachItem, itemChangesReply } from "./change-each-item.js";
import { declareCommand, STEERERS } from "./command-declaration.js";
import { itemList } from "./item-list.js";
import { refArguments } from "./ref-arguments.js";

export const agendaAdd = declareCommand({
  verb: "agenda",
  subcommand: "add",
  usage: "/agenda add <ref>...",
  description:
    "Puts the items on the agenda by adding the meeting's agenda label to them. A `<ref>` is `#12` (in the home repo), `owner/repo#12` or an issue, pull request or discussion URL (discussions in a meeting with `sources.discussions`); items must be open and in the meeting's scope.",
  who: STEERERS,
  examples: ["/agenda add #1255", "/agenda add nodejs/node#52575 https://github.com/nodejs/node/pull/52459"],
  parse: (words, _rest, context) => refArguments(words, context),
  access: () => "steer",
  itemCount: (refs) => refs.length,
  async run(refs, context) {
    const onBoard = boardAgendaRefusal(context.meeting);
    if (onBoard) return onBoard;
    const checked = await context.github.checkItems(refs, { openOnly: true });
    if ("refused" in checked) return checked;
    const { meeting } = context;
    const onAgenda = checked.items.filter((item) => item.labels.some((label) => isAgendaLabel(meeting, label)));
    const toAdd = checked.items.filter((item) => !onAgenda.includes(item));
    const changes = await changeEachItem(toAdd, (item) => context.github.addAgendaLabel(item.ref));
    // A proposed item added leaves the Proposed list, and its proposer hears of it in a notice of
    // its own. The issue's state as the comment found it says whether anything is proposed: only
    // then is it read anew.
    const proposed = new Set((context.occurrence.proposals ?? []).map(itemKey));
    const refsProposed = [...changes.changed, ...onAgenda].map((item) => item.ref).filter((ref) => proposed.has(itemKey(ref)));
    const told = `is on the agenda, added by ${escapeMarkdown(`@${context.commenter}`)}.`;
    if (refsProposed.length > 0) await context.actions.decideProposals(refsProposed, { outcome: "added", told });
    if (changes.changed.length > 0) await context.actions.refresh();
    const unchanged = onAgenda.length > 0 ? `Already on the agenda:\n${itemList(onAgenda)}` : "";
    return itemChangesReply(changes, { changed: "Added to the agenda", failed: "Not added" }, unchanged);
  },
});
