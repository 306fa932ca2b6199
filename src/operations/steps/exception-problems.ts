import type { LoadedConfig } from "../../config/load-config.js";
import { CONFIG_PATH } from "../../config/load-config.js";
import { formatKeyPath } from "../../config/key-path.js";
import type { ConfigProblem } from "../../config/problem.js";
import type { Meeting } from "../../model.js";
import { scheduleOf } from "../../schedule/load-schedule.js";

/**
 * A warning for each `schedule.exceptions` date on which the meeting's recurrence has no
 * occurrence: it cancels nothing, so the date is most likely a mistake (a week off, a wrong year).
 * A calendar feed's schedule is left alone: checking it needs the feed.
 */
export function exceptionProblems(loaded: LoadedConfig, meetings: Meeting[] = loaded.meetings): ConfigProblem[] {
  return meetings.flatMap((meeting) => {
    if (meeting.schedule.kind !== "rrule") return [];
    const schedule = scheduleOf(meeting.schedule);
    return meeting.schedule.exceptions
      .filter((date) => schedule.on(date) === undefined)
      .map((date): ConfigProblem => {
        const message = `\`${date}\` is not an occurrence of the schedule, so it cancels nothing; write the date of an occurrence`;
        return { ...whereWritten(loaded, meeting, date), message, severity: "warning" };
      });
  });
}

function whereWritten(loaded: LoadedConfig, meeting: Meeting, date: string): Pick<ConfigProblem, "file" | "path" | "line" | "column"> {
  const own = loaded.own;
  for (const [entry, prefix] of [
    [own?.raw.meetings?.[meeting.id], ["meetings", meeting.id]],
    [own?.raw.defaults, ["defaults"]],
  ] as const) {
    const index = entry?.schedule?.exceptions?.indexOf(date) ?? -1;
    if (index < 0 || !own) continue;
    const path = [...prefix, "schedule", "exceptions", index];
    return { file: CONFIG_PATH, path: formatKeyPath(path), ...own.locate(path, "value") };
  }
  const extended = loaded.files[1];
  return { file: extended ? `${extended.owner}/${extended.repo}:${extended.path}` : CONFIG_PATH, path: `meetings.${meeting.id}.schedule.exceptions` };
}
