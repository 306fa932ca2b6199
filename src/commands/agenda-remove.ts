import { isAgendaLabel } from "../collect/is-agenda-label.js";
import type { CheckedItem } from "../operations/command-github.js";
import { boardAgendaRefusal } from "./board-agenda.js";
import { changeEachItem, itemChangesReply } from "./change-each-item.js";
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
    const agendaLabels = (item: CheckedItem) => item.labels.filter((label) => isAgendaLabel(context.meeting, label));
    const onAgenda = checked.items.filter((item) => agendaLabels(item).length > 0);
    const notOnAgenda = checked.items.filter((item) => !onAgenda.includes(item));
    const changes = await changeEachItem(onAgenda, async (item) => {
      for (const label of agendaLabels(item)) await context.github.removeAgendaLabel(item.ref, label);
    });
    if (changes.changed.length > 0) await context.actions.refresh();
    const unchanged = notOnAgenda.length > 0 ? `Not on the agenda:\n${itemList(notOnAgenda)}` : "";
    return itemChangesReply(changes, { changed: "Removed from the agenda", failed: "Not removed" }, unchanged);
  },
});
