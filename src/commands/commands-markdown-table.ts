import { formatCommandsTable } from "./format-commands-table.js";
import { COMMANDS } from "./registry.js";

/** The table of commands for the README's "Comment commands" section, from the commands' declarations. */
export function commandsMarkdownTable(): string {
  return formatCommandsTable(COMMANDS);
}
