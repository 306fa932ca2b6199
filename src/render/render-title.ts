import type { Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { compileTemplate } from "./compile-template.js";
import { cutTitle } from "./cut-title.js";

/**
 * The meeting issue's title from `issue.title`, e.g. "{{name}} Meeting {{date}}". Issue titles
 * are plain text, not Markdown, so the values go in unescaped. Cut to GitHub's 256 characters.
 */
export function renderTitle(meeting: Meeting, occurrence: Occurrence): string {
  const template = compileTemplate(meeting.issue.title, `meetings.${meeting.id}.issue.title`);
  const title = template({ name: meeting.name, date: occurrence.date, id: meeting.id })
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
  if (title === "") {
    throw new UserError(`meetings.${meeting.id}.issue.title: "${meeting.issue.title}" gives an empty title.`);
  }
  return cutTitle(title);
}
