import { DateTime } from "luxon";
import type { Meeting, Occurrence } from "../model.js";
import { UserError } from "../errors.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";

export interface MeetingTimes {
  /** ISO 8601 UTC instants, as in the occurrence. */
  start: string;
  end: string;
  /** `Thu 28-Mar-2024 16:00` */
  utc: string;
  /** `04:00 PM` */
  utc12Hour: string;
  /** One row per configured zone: `{ zone: "America/Los_Angeles", time: "Thu 28-Mar-2024 09:00 (09:00 AM)" }`. */
  zones: { zone: string; label: string; time: string }[];
  /** A timeanddate.com page that shows the start in the reader's own zone. */
  localTimeUrl: string;
}

const DAY_AND_TIME = "ccc dd-LLL-yyyy HH:mm";
const TIME_12_HOUR = "hh:mm a";

/** The occurrence's start as the meeting issue shows it: in UTC and in each of the meeting's zones. */
export function meetingTimes(meeting: Meeting, occurrence: Occurrence, title: string): MeetingTimes {
  const start = DateTime.fromISO(occurrence.start, { zone: "utc", locale: "en-US" });
  if (!start.isValid) {
    throw new Error(`Occurrence ${occurrence.key} of meeting "${meeting.id}" has no valid start: "${occurrence.start}"`);
  }
  const zones = meeting.timezones.map((zone) => {
    const local = start.setZone(zone);
    if (!local.isValid) {
      throw new UserError(`Meeting "${meeting.id}": timezones lists "${zone}", which is not an IANA time zone.`);
    }
    const label = escapeMarkdown(meeting.timezoneLabels?.[zone] ?? zone);
    return { zone, label, time: `${local.toFormat(DAY_AND_TIME)} (${local.toFormat(TIME_12_HOUR)})` };
  });
  const query = new URLSearchParams({ msg: title, iso: start.toFormat("yyyyMMdd'T'HHmm"), p1: "1440" });
  return {
    start: occurrence.start,
    end: occurrence.end,
    utc: start.toFormat(DAY_AND_TIME),
    utc12Hour: start.toFormat(TIME_12_HOUR),
    zones,
    // URLSearchParams writes spaces as "+"; timeanddate.com and the Node.js issues use %20.
    localTimeUrl: escapeUrl(`https://www.timeanddate.com/worldclock/fixedtime.html?${query.toString().replace(/\+/g, "%20")}`),
  };
}
