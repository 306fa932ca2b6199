import { escapeMarkdown } from "../render/escape-markdown.js";
import type { CheckedItem } from "../operations/command-github.js";

/** Items as a Markdown list: `- owner/repo#12: Title`, titles escaped. */
export function itemList(items: CheckedItem[]): string {
  return items.map((item) => `- ${item.ref.repo}#${item.ref.number}: ${escapeMarkdown(item.title)}`).join("\n");
}
