import { escapeMarkdown } from "../render/escape-markdown.js";

const LONGEST_WORD = 60;
/** Enough of a command line to tell which one a reply answers. */
const LONGEST_LINE = 200;

/** A word the commenter wrote, quoted in a reply: escaped, and cut short (between characters) if long. */
export function shown(word: string): string {
  return `"${escapeMarkdown(cutShort(word, LONGEST_WORD))}"`;
}

/** A command line the commenter wrote, as a reply quotes it: escaped, and cut short if long. */
export function quotedLine(text: string): string {
  return `> ${escapeMarkdown(cutShort(text, LONGEST_LINE))}`;
}

function cutShort(text: string, longest: number): string {
  if (text.length <= longest) return text;
  // Never between the two halves of a character outside the Basic Multilingual Plane.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(longest - 1)) ? longest - 1 : longest;
  return `${text.slice(0, end)}…`;
}
