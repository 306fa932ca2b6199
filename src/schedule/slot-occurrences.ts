import type { Occurrence, ScheduleConfig, ScheduleSlot } from "../model.js";
import { rruleOccurrences } from "./rrule-occurrences.js";
import type { OccurrenceSource } from "./time-range.js";

type RRuleSchedule = Extract<ScheduleConfig, { kind: "rrule" }>;

/**
 * The occurrences of a meeting with alternating slots (the TSC's two times a week apart): each
 * slot's rule in the meeting's zone, each occurrence with its slot's length and links. An
 * occurrence's key is its local date, as for one rule, so keys are the same whichever order the
 * slots are listed in; on a date two slots share, the first slot listed holds the meeting.
 */
export function slotOccurrences(schedule: RRuleSchedule, slots: ScheduleSlot[]): OccurrenceSource {
  const { kind, timezone, exceptions } = schedule;
  const sources = slots.map((slot) => ({
    slot,
    list: rruleOccurrences({ kind, timezone, exceptions, start: slot.start, durationMinutes: slot.durationMinutes, ...rruleOf(slot) }),
  }));
  return (range) => {
    const byKey = new Map<string, Occurrence>();
    for (const { slot, list } of sources) {
      for (const occurrence of list(range)) {
        if (byKey.has(occurrence.key)) continue;
        byKey.set(occurrence.key, Object.keys(slot.links).length > 0 ? { ...occurrence, links: slot.links } : occurrence);
      }
    }
    return [...byKey.values()];
  };
}

function rruleOf(slot: ScheduleSlot): { rrule?: string } {
  return slot.rrule === undefined ? {} : { rrule: slot.rrule };
}
