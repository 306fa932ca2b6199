import type { CommandDeclaration } from "./command-declaration.js";
import { declareCommand } from "./command-declaration.js";
import { describeSteerers } from "./describe-steerers.js";
import { formatCommandsTable } from "./format-commands-table.js";

/** `/help`, listing the given commands (itself included) from their declarations. */
export function helpCommand(commands: () => readonly CommandDeclaration[]): CommandDeclaration {
  return declareCommand({
    verb: "help",
    usage: "/help",
    description: "Replies with every command, its usage and who may use it.",
    who: "anyone who may comment",
    examples: ["/help"],
    parse: () => ({ args: undefined }),
    access: () => "comment",
    run: async (_args, context) => ({
      reply: [
        "Commands are lines of a new comment on this issue that start with one of these:",
        formatCommandsTable(commands()),
        `People who may steer this meeting: ${describeSteerers(context.meeting)}.`,
      ].join("\n\n"),
    }),
  });
}
