import { itemKey } from "../collect/item-key.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import type { CommandContext } from "./command-context.js";
import type { ParsedArguments } from "./command-declaration.js";
import type { ItemRef } from "../model.js";
import { parseItemRef } from "./parse-item-ref.js";
import { shown } from "./shown.js";

/** More would make one comment a long run of GitHub calls: a comment's commands share them. */
export const MAX_ITEMS_PER_COMMENT = 20;

/** The items an `/agenda add` or `/agenda remove` names, each once. */
export function refArguments(words: string[], context: CommandContext): ParsedArguments<ItemRef[]> {
  if (words.length === 0) return { problem: "Name at least one issue, pull request or discussion." };
  if (words.length > MAX_ITEMS_PER_COMMENT) return { problem: `Name at most ${MAX_ITEMS_PER_COMMENT} items at once.` };
  const refs = new Map<string, ItemRef>();
  for (const word of words) {
    const parsed = refArgument(word, context);
    if ("problem" in parsed) return parsed;
    const key = itemKey(parsed.args);
    if (!refs.has(key)) refs.set(key, parsed.args);
  }
  return { args: [...refs.values()] };
}

/** One item a command names: an issue or pull request by number or URL, or a discussion by URL. */
export function refArgument(word: string, context: CommandContext): ParsedArguments<ItemRef> {
  const ref = parseItemRef(word, context.meeting.home, context.webHost);
  if (ref) return { args: ref };
  return {
    problem: `${shown(word)} is not an issue, pull request or discussion: write \`#12\`, \`owner/repo#12\` or its URL on ${escapeMarkdown(context.webHost)}.`,
  };
}
