import { VERBS, type CommandLine, type Verb } from "./command-line.js";
import { shownParagraphLines } from "./comment-markdown.js";

export type { CommandLine, Verb } from "./command-line.js";

/** A source line that may be a command: at most three spaces, then `/verb` and a space or the end. */
const COMMAND_START = new RegExp(`^ {0,3}/(${VERBS.join("|")})(?=[ \\t]|$)`, "i");

/**
 * The command lines of a comment, taken only from what the rendered comment shows. A command line
 * is a line of a top-level paragraph, as the Markdown parse finds them, whose source starts (after
 * at most three spaces) with `/` and one of the verbs in any case, followed by a space or the end
 * of the line, and whose rendered text starts with that same slash: nothing hidden comes before it.
 *
 * So nothing in code (spans, fenced or indented blocks), block quotes, list items, headings,
 * tables, HTML blocks, inline HTML (tags and their attributes, comments), link reference
 * definitions, link titles or images' alt text is a command, even when GitHub shows the text of
 * an HTML block. A line indented four or more columns is not one either. Other slash-lines (`/cc`,
 * `/usr/bin`) are prose. A command's words are what the line shows: hidden parts are left out.
 */
export function parseCommands(body: string): CommandLine[] {
  const commands: CommandLine[] = [];
  for (const { number, source, shown } of shownParagraphLines(body, (line) => COMMAND_START.test(line))) {
    const verb = COMMAND_START.exec(source)?.[1]?.toLowerCase() as Verb | undefined;
    const text = shown.trimEnd();
    if (verb === undefined || !text.toLowerCase().startsWith(`/${verb}`)) continue;
    const rest = text.slice(verb.length + 1).trim();
    commands.push({ verb, words: rest === "" ? [] : rest.split(/\s+/), rest, text, line: number });
  }
  return commands;
}
