import type { Meeting } from "../model.js";
import { escapeMarkdown } from "../render/escape-markdown.js";

/**
 * For a meeting whose agenda is a project board (`sources.project`), why the agenda labels cannot
 * change it: the person is told where the agenda is kept instead of being told an item was added.
 */
export function boardAgendaRefusal(meeting: Meeting): { refused: string } | undefined {
  const source = meeting.sources?.project;
  if (!source) return undefined;
  const [owner, field, value] = [source.owner, source.field, source.value].map(escapeMarkdown);
  return { refused: `this meeting's agenda is project ${source.number} of **${owner}**: add the item there, or change its **${field}** (**${value}** puts it on the agenda); labels do not change it.` };
}
