import type { AgendaItem, Meeting } from "../../../src/model.js";
import type { MeetingPageEntry } from "../../../src/render/calendar/meeting-calendar.js";
import { buildAgenda } from "../../../src/agenda/build-agenda.js";
import { calendarOf, feedMeeting, issuedOn } from "../calendar/feed-fixtures.js";

/** Titles that try to be markup: they must show as the characters they are. */
export const HOSTILE_TITLES = [
  `<script>window.pwned = 1</script>`,
  `"><img src=x onerror="window.pwned=2">`,
  `' onmouseover='window.pwned=3`,
  `</a><a href="javascript:window.pwned=4">click`,
  `&lt;b&gt;not bold&lt;/b&gt; & <!-- comment --> ]]>`,
  `\u202Eevil\u202C reversed`,
];

export function hostileItem(title: string, number: number): AgendaItem {
  return {
    repo: "nodejs/node",
    number,
    kind: "issue",
    title,
    url: `https://github.com/nodejs/node/issues/${number}`,
    author: "someone",
    labels: ["tsc-agenda"],
    createdAt: "2024-03-01T00:00:00Z",
    updatedAt: "2024-03-01T00:00:00Z",
  };
}

/** A weekly New York meeting with a past issue, the next one's issue and a hostile agenda. */
export function pageEntry(extra: Partial<Meeting> = {}): MeetingPageEntry {
  const meeting = feedMeeting(
    "tsc",
    { kind: "rrule", timezone: "America/New_York", start: "2024-03-06T16:00", rrule: "FREQ=WEEKLY", durationMinutes: 60, exceptions: [] },
    { name: "Node.js TSC", ...extra },
  );
  const entry = calendarOf(meeting);
  const past = { ...issuedOn(entry, "2024-03-13"), minutesUrl: "https://github.com/nodejs/tsc/pull/7" };
  const next = issuedOn(entry, "2024-03-20");
  entry.issued.push(past, next);
  const agenda = buildAgenda(meeting, next.stated, HOSTILE_TITLES.map((title, index) => hostileItem(title, 100 + index)));
  return { ...entry, next: { occurrence: next.stated, issued: next, agenda } };
}
