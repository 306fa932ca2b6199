import type { CommandDeclaration } from "./command-declaration.js";

/** The commands as a Markdown table: usage, what each does, who may use it, examples. */
export function formatCommandsTable(commands: readonly CommandDeclaration[]): string {
  const rows = commands.map((command) =>
    [
      `\`${command.usage}\``,
      command.description,
      command.who,
      command.examples.map((example) => `\`${example}\``).join("<br>"),
    ].join(" | "),
  );
  return ["| command | what it does | who may use it | examples |", "| --- | --- | --- | --- |", ...rows.map((row) => `| ${row} |`)].join("\n");
}
