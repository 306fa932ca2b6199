import { declareCommand, STEERERS } from "./command-declaration.js";
import { noArguments } from "./no-arguments.js";

export const agendaRefresh = declareCommand({
  verb: "agenda",
  subcommand: "refresh",
  usage: "/agenda refresh",
  description: "Recomputes the agenda in the meeting issue now, without waiting for the next change.",
  who: STEERERS,
  examples: ["/agenda refresh"],
  parse: noArguments,
  access: () => "steer",
  async run(_args, context) {
    await context.actions.refresh();
    return {};
  },
});
