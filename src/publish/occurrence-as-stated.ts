import { DateTime } from "luxon";
import type { Meeting, Occurrence } from "../model.js";
import type { MeetingState } from "./meeting-state.js";
import { pendingProposals } from "./proposal-record.js";

/**
 * The occurrence as its meeting issue's state changes it: a reschedule moves its start, end and
 * date (its key stays), a cancellation by command cancels it. Everything that follows the time
 * (title, time table, freeze, minutes) uses this occurrence, not the schedule's.
 */
export function occurrenceAsStated(meeting: Meeting, occurrence: Occurrence, state: MeetingState | undefined): Occurrence {
  let stated = occurrence;
  if (state?.reschedule) {
    const start = DateTime.fromISO(state.reschedule.start, { zone: "utc" });
    if (start.isValid) {
      stated = {
        ...stated,
        start: start.toJSDate().toISOString(),
        // As long as it was scheduled: a slot may have a length of its own.
        end: start.plus({ milliseconds: Date.parse(occurrence.end) - Date.parse(occurrence.start) }).toJSDate().toISOString(),
        date: start.setZone(meeting.schedule.timezone).toISODate() ?? stated.date,
      };
    }
  }
  if (state?.cancelled) {
    stated = { ...stated, cancelled: true, ...(state.cancelled.reason?.trim() ? { cancelReason: state.cancelled.reason } : {}) };
  }
  const proposals = pendingProposals(state?.proposals);
  if (proposals.length > 0) stated = { ...stated, proposals };
  return stated;
}
