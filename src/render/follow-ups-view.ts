import type { FollowUps } from "../model.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";

export interface FollowUpsView {
  /** The previous occurrence's date, whose minutes these are. */
  date: string;
  /** The minutes file on the default branch. */
  url: string;
  items: FollowUpView[];
  /** How many more the minutes hold than `items` lists. */
  more: number;
}

export interface FollowUpView {
  /** Escaped: a mention or reference in the minutes shows as written and pings nobody again. */
  text: string;
  line: number;
  /** The minutes file as source, at the item's line. */
  url: string;
}

/** The previous minutes' follow-ups as templates see them: escaped text, each linked to its line of the minutes. */
export function followUpsView(followUps: FollowUps): FollowUpsView {
  // GitHub shows a Markdown file rendered, where line anchors lead nowhere; `?plain=1` shows its source.
  const source = `${followUps.url.split(/[?#]/)[0] ?? followUps.url}?plain=1`;
  return {
    date: escapeMarkdown(followUps.date),
    url: escapeUrl(followUps.url),
    items: followUps.items.map((item) => ({ text: escapeMarkdown(item.text), line: item.line, url: escapeUrl(`${source}#L${item.line}`) })),
    more: followUps.more,
  };
}
