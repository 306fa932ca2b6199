import type { Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { compileTemplate } from "./compile-template.js";

/** Where the minutes file goes in the home repository: `minutes.path` filled, e.g. `meetings/2024-03-28.md`. */
export function renderMinutesPath(meeting: Meeting, occurrence: Occurrence): string {
  const key = `meetings.${meeting.id}.minutes.path`;
  const path = compileTemplate(meeting.minutes.path, key)({ date: occurrence.date, id: meeting.id });
  const problem = pathProblem(path);
  if (problem) {
    throw new UserError(`${key}: "${meeting.minutes.path}" gives "${path}", which ${problem}.`);
  }
  return path;
}

function pathProblem(path: string): string | undefined {
  if (path.trim() === "") return "is empty";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "contains a control character";
  if (path.includes("\\")) return "contains a backslash; use / between folders";
  if (path.startsWith("/")) return "is absolute; write it relative to the repository root";
  if (path.endsWith("/")) return "names a folder, not a file";
  const segments = path.split("/");
  if (segments.includes("..")) return "leaves the repository through ..";
  if (segments.some((segment) => segment === "" || segment === ".")) return "has an empty or . folder";
  if (segments.some((segment) => segment.toLowerCase() === ".git")) return "is inside .git";
  return undefined;
}
