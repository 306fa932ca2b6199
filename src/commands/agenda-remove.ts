import { isAgendaLabel } from "../collect/is-agenda-label.js";
import { boardAgendaRefusal } from "./board-agenda.js";
import { declareCommand, STEERERS } from "./command-declaration.js";
import { itemList } from "./item-list.js";
import { refArguments } from "./ref-arguments.js";

export const agendaRemove = declareCommand({
  verb: "agenda",
  subcommand: "remove",
  usage: "/agenda remove <ref>...",
  description: "Takes the items (issues, pull requests or discussions, named as for `/agenda add`) off the agenda by removing the meeting's agenda labels from them; other labels stay.",
  who: STEERERS,
  examples: ["/agenda remove #1255", "/agenda remove nodejs/node#52575"],
  parse: (words, _rest, context) => refArguments(words, context),
  access: () => "steer",
  itemCount: (refs) => refs.length,
  async run(refs, context) {
    const onBoard = boardAgendaRefusal(context.meeting);
    if (onBoard) return onBoard;
    const checked = await context.github.checkItems(refs, { openOnly: false });
    if ("refused" in checked) return checked;
    const removed = [];
    const notOnAgenda = [];
    for (const item of checked.items) {
      const labels = item.labels.filter((label) => isAgendaLabel(context.meeting, label));
      if (labels.length === 0) notOnAgenda.push(item);
      else removed.push(item);
      for (const label of labels) await context.github.removeAgendaLabel(item.ref, label);
    }
    if (removed.length > 0) await context.actions.refresh();
    const reply = [
      removed.length > 0 ? `Removed from the agenda:\n${itemList(removed)}` : "",
      notOnAgenda.length > 0 ? `Not on the agenda:\n${itemList(notOnAgenda)}` : "",
    ];
    return { reply: reply.filter(Boolean).join("\n\n") };
  },
});
