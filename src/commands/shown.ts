import { escapeMarkdown } from "../render/escape-markdown.js";

const LONGEST_SHOWN = 60;

/** A word the commenter wrote, quoted in a reply: escaped, and cut short (between characters) if long. */
export function shown(word: string): string {
  const characters = [...word];
  const short = characters.length > LONGEST_SHOWN ? `${characters.slice(0, LONGEST_SHOWN).join("")}…` : word;
  return `"${escapeMarkdown(short)}"`;
}
