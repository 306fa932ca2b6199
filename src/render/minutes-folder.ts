import type { Meeting } from "../model.js";

/**
 * Whether a file path may be one of the meeting's minutes files: it lies in the folder that
 * `minutes.path` names before its first field (`meetings/` for `meetings/{{date}}.md`; the whole
 * repository when the path starts with a field), or is the path itself when it has no field.
 */
export function mayBeMinutesFile(meeting: Meeting, path: string): boolean {
  const template = meeting.minutes.path;
  const field = template.indexOf("{{");
  if (field === -1) return path === template;
  const folder = template.slice(0, template.lastIndexOf("/", field) + 1);
  return path.startsWith(folder);
}
