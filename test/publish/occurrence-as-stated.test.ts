import { occurrenceAsStated } from "../../src/publish/occurrence-as-stated.js";
import { emptyState } from "../../src/publish/meeting-state.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const state = emptyState({ v: 1, meeting: "security-wg", occurrence: "2024-03-28" });

test("a reschedule moves start, end and date; the key stays", () => {
  const moved = occurrenceAsStated(securityWgMeeting(), march28, { ...state, reschedule: { start: "2024-04-04T18:00:00.000Z", zone: "Europe/Berlin" } });
  expect(moved).toEqual({ key: "2024-03-28", date: "2024-04-04", start: "2024-04-04T18:00:00.000Z", end: "2024-04-04T19:00:00.000Z" });
});

test("a cancellation by command cancels the occurrence; no state leaves it as scheduled", () => {
  expect(occurrenceAsStated(securityWgMeeting(), march28, { ...state, cancelled: { at: "2024-03-27T10:00:00Z" } }).cancelled).toBe(true);
  expect(occurrenceAsStated(securityWgMeeting(), march28, undefined)).toBe(march28);
});
