import { escapeMarkdown } from "../render/escape-markdown.js";

const LONGEST_SHOWN = 60;

/** A word the commenter wrote, quoted in a reply: escaped, and cut short if long. */
export function shown(word: string): string {
  const short = word.length > LONGEST_SHOWN ? `${word.slice(0, LONGEST_SHOWN)}…` : word;
  return `"${escapeMarkdown(short)}"`;
}
