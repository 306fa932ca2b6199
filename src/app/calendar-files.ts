import type { Meeting } from "../model.js";
import { publishCalendarFile } from "../operations/publish-calendar-file.js";
import { describeError } from "../log.js";
import type { Runtime } from "./runtime.js";

/**
 * After a tick, over the installations it ticked: commits the feed of every home repo whose
 * meetings set `calendar.path`, where it changed. A home repo that fails is logged; the others are written all the same.
 */
export async function publishCalendarFiles(runtime: Runtime, installations: { installationId: number; meetings: Meeting[] }[]): Promise<void> {
  for (const installation of installations) {
    if (!installation.meetings.some((meeting) => meeting.calendar)) continue;
    const octokit = await runtime.auth(installation.installationId);
    const byHome = new Map<string, Meeting[]>();
    for (const meeting of installation.meetings) {
      const key = `${meeting.home.owner}/${meeting.home.repo}`.toLowerCase();
      byHome.set(key, [...(byHome.get(key) ?? []), meeting]);
    }
    for (const [home, meetings] of byHome) {
      if (!meetings.some((meeting) => meeting.calendar)) continue;
      try {
        const outcomes = await publishCalendarFile({ octokit, log: runtime.log, now: runtime.now(), recordedClaims: runtime.recordedClaims }, meetings);
        for (const [path, outcome] of Object.entries(outcomes)) if (outcome === "written") runtime.log.info(`${home}: committed the calendar to ${path}`);
      } catch (error) {
        runtime.log.error(`${home}: the calendar file could not be written: ${describeError(error)}`);
      }
    }
  }
}
