import { parseConfig } from "../../src/config/parse-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { resolveMeetings } from "../../src/config/resolve-meetings.js";
import type { RawMeeting } from "../../src/config/schema.js";
import { SECURITY_WG_CONFIG } from "./fixtures.js";

const FILE = ".github/agenda-drafter.yml";
const SECURITY_WG_REPO = { owner: "nodejs", repo: "security-wg" };

function resolve(text: string, defaults?: RawMeeting) {
  const parsed = parseConfig(text, FILE);
  if (!parsed.raw) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  const resolved = resolveMeetings(parsed.raw, { home: SECURITY_WG_REPO, file: FILE, defaults, locate: parsed.locate });
  return { meetings: resolved.meetings, problems: [...parsed.problems, ...resolved.problems].map(formatProblem) };
}

test("the Security WG's config resolves to its meeting", () => {
  const { meetings, problems } = resolve(SECURITY_WG_CONFIG);
  expect(problems).toEqual([]);
  expect(meetings).toEqual([
    {
      id: "security-wg",
      home: SECURITY_WG_REPO,
      name: "Node.js Security team",
      agendaLabels: ["security-wg-agenda"],
      scope: { orgs: ["nodejs"], repos: [] },
      includePrivate: [],
      repoOrder: [],
      schedule: {
        kind: "rrule",
        timezone: "UTC",
        start: "2024-03-28T16:00",
        rrule: "FREQ=WEEKLY;INTERVAL=2",
        durationMinutes: 60,
        exceptions: ["2024-12-26"],
      },
      leadTimeMs: 3 * 24 * 3_600_000,
      invited: ["@nodejs/security-wg"],
      observers: [],
      standingItems: [
        { title: "Vulnerability Review", url: "https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues" },
      ],
      minutes: { path: "meetings/{{date}}.md", open: "after_meeting" },
      issue: { labels: ["meeting"], closePrevious: true, title: "{{name}} Meeting {{date}}" },
      templates: { issue: ".github/agenda-drafter/issue.md.hbs", minutes: ".github/agenda-drafter/minutes.md.hbs" },
      links: { joining: "https://zoom.us/j/123456789", livestream: "https://www.youtube.com/c/nodejs+foundation/live" },
      timezones: [
        "America/Los_Angeles",
        "America/New_York",
        "Europe/London",
        "Europe/Berlin",
        "Asia/Kolkata",
        "Asia/Tokyo",
        "Australia/Sydney",
      ],
      dryRun: false,
    },
  ]);
});

test("a minimal meeting gets every default", () => {
  const { meetings, problems } = resolve(`meetings:
  security-wg:
    name: Node.js Security team
    schedule: { timezone: UTC, start: "2024-03-28T16:00" }
`);
  expect(problems).toEqual([]);
  expect(meetings).toMatchInlineSnapshot(`
[
  {
    "agendaLabels": [
      "security-wg-agenda",
    ],
    "dryRun": false,
    "home": {
      "owner": "nodejs",
      "repo": "security-wg",
    },
    "id": "security-wg",
    "includePrivate": [],
    "invited": [],
    "issue": {
      "closePrevious": true,
      "labels": [
        "meeting",
      ],
      "title": "{{name}} Meeting {{date}}",
    },
    "leadTimeMs": 259200000,
    "links": {},
    "minutes": {
      "open": "after_meeting",
      "path": "meetings/{{date}}.md",
    },
    "name": "Node.js Security team",
    "observers": [],
    "repoOrder": [],
    "schedule": {
      "durationMinutes": 60,
      "exceptions": [],
      "kind": "rrule",
      "start": "2024-03-28T16:00",
      "timezone": "UTC",
    },
    "scope": {
      "orgs": [
        "nodejs",
      ],
      "repos": [],
    },
    "standingItems": [],
    "templates": {},
    "timezones": [],
  },
]
`);
});

test("extra keys: private repos, repo order, dry run, issue title, command permissions", () => {
  const { meetings } = resolve(`meetings:
  security-wg:
    name: Node.js Security team
    scope: { repos: [nodejs/node, nodejs/undici] }
    include_private: [nodejs-private/node-private]
    repo_order: [nodejs/node]
    dry_run: true
    issue: { title: "Security WG {{date}}" }
    commands: { allow: { teams: ["nodejs/security-wg"], logins: ["@RafaelGSS"] } }
    invited: [RafaelGSS, "@nodejs/security-triage"]
    schedule:
      timezone: Europe/London
      calendar: "webcal://calendar.google.com/calendar/ical/nodejs/public/basic.ics"
      calendar_filter: Security WG
      duration: 45
`);
  expect(meetings[0]).toMatchObject({
    scope: { orgs: [], repos: ["nodejs/node", "nodejs/undici"] },
    includePrivate: ["nodejs-private/node-private"],
    repoOrder: ["nodejs/node"],
    dryRun: true,
    issue: { title: "Security WG {{date}}" },
    commands: { allow: { teams: ["@nodejs/security-wg"], logins: ["RafaelGSS"] } },
    invited: ["@RafaelGSS", "@nodejs/security-triage"],
    schedule: {
      kind: "calendar",
      timezone: "Europe/London",
      calendarUrl: "https://calendar.google.com/calendar/ical/nodejs/public/basic.ics",
      calendarFilter: "Security WG",
      durationMinutes: 45,
      exceptions: [],
    },
  });
});

test("lead times in every notation", () => {
  const leadTimes = ["36h", "90m", "1d12h", "P3D", "PT36H", "1w"];
  const { meetings } = resolve(
    `defaults:\n  schedule: { timezone: UTC, start: "2024-03-28T16:00" }\nmeetings:\n${leadTimes
      .map((leadTime, index) => `  m${index}: { name: M, lead_time: ${leadTime}, minutes: { path: "m${index}/{{date}}.md" } }\n`)
      .join("")}`,
  );
  expect(meetings.map((meeting) => meeting.leadTimeMs / 3_600_000)).toEqual([36, 1.5, 36, 72, 36, 168]);
});

test("several meetings share the file's defaults; their own keys win", () => {
  const { meetings, problems } = resolve(`defaults:
  scope: { orgs: [nodejs] }
  schedule: { timezone: UTC, duration: 60 }
  lead_time: 2d
  invited: ["@nodejs/tsc"]
  links: { joining: "https://zoom.us/j/1" }
meetings:
  tsc:
    name: Node.js TSC
    schedule: { start: "2024-04-03T15:00", rrule: "FREQ=WEEKLY" }
    minutes: { path: "meetings/tsc/{{date}}.md" }
  security-wg:
    name: Node.js Security team
    scope: { repos: [nodejs/node] }
    schedule: { timezone: Europe/Berlin, start: "2024-03-28T16:00", duration: 45 }
    invited: ["@nodejs/security-wg"]
    links: { livestream: "https://youtube.com/live/1" }
`);
  expect(problems).toEqual([]);
  expect(
  meetings.map(({ id, scope, schedule, leadTimeMs, invited, links }) => ({ id, scope, schedule, leadTimeMs, invited, links }))
).toMatchInlineSnapshot(`
[
  {
    "id": "tsc",
    "invited": [
      "@nodejs/tsc",
    ],
    "leadTimeMs": 172800000,
    "links": {
      "joining": "https://zoom.us/j/1",
    },
    "schedule": {
      "durationMinutes": 60,
      "exceptions": [],
      "kind": "rrule",
      "rrule": "FREQ=WEEKLY",
      "start": "2024-04-03T15:00",
      "timezone": "UTC",
    },
    "scope": {
      "orgs": [
        "nodejs",
      ],
      "repos": [],
    },
  },
  {
    "id": "security-wg",
    "invited": [
      "@nodejs/security-wg",
    ],
    "leadTimeMs": 172800000,
    "links": {
      "joining": "https://zoom.us/j/1",
      "livestream": "https://youtube.com/live/1",
    },
    "schedule": {
      "durationMinutes": 45,
      "exceptions": [],
      "kind": "rrule",
      "start": "2024-03-28T16:00",
      "timezone": "Europe/Berlin",
    },
    "scope": {
      "orgs": [],
      "repos": [
        "nodejs/node",
      ],
    },
  },
]
`);
});

test("defaults from extended files lie below the file's own", () => {
  const { meetings } = resolve(
    `defaults:\n  lead_time: 1d\nmeetings:\n  tsc:\n    name: Node.js TSC\n    schedule: { start: "2024-04-03T15:00" }\n`,
    { lead_time: "5d", dry_run: true, schedule: { timezone: "America/New_York" } },
  );
  expect(meetings[0]).toMatchObject({ leadTimeMs: 24 * 3_600_000, dryRun: true, schedule: { timezone: "America/New_York" } });
});

test("a meeting incomplete or inconsistent once defaults apply is left out; the others come out", () => {
  const { meetings, problems } = resolve(`defaults:
  lead_time: 2d
meetings:
  no-name:
    schedule: { timezone: America/New_York, start: "2024-04-03T15:00" }
  no-schedule:
    name: No schedule
  no-timezone:
    name: No time zone
    schedule: { start: "2024-04-03T15:00" }
  both:
    name: Both
    schedule: { timezone: America/New_York, start: "2024-04-03T15:00", calendar: "https://example.org/cal.ics" }
  neither:
    name: Neither
    schedule: { timezone: America/New_York, duration: 30 }
  filter-without-calendar:
    name: Filter
    schedule: { timezone: America/New_York, start: "2024-04-03T15:00", calendar_filter: TSC }
  rrule-with-calendar:
    name: Rrule
    schedule: { timezone: America/New_York, calendar: "https://example.org/cal.ics", rrule: "FREQ=WEEKLY" }
  skipped-by-dst:
    name: Skipped
    schedule: { timezone: America/New_York, start: "2024-03-10T02:30" }
  tsc:
    name: Node.js TSC
    schedule: { timezone: America/New_York, start: "2024-04-03T15:00" }
`);
  expect(meetings.map((meeting) => meeting.id)).toEqual(["tsc"]);
  expect(problems).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:4:3: meetings.no-name.name: is required",
  ".github/agenda-drafter.yml:6:3: meetings.no-schedule.schedule: is required",
  ".github/agenda-drafter.yml:10:5: meetings.no-timezone.schedule.timezone: is required",
  ".github/agenda-drafter.yml:13:15: meetings.both.schedule: give either \`start\` (with an optional \`rrule\`) or \`calendar\`, not both",
  ".github/agenda-drafter.yml:16:15: meetings.neither.schedule: needs \`start\` (with an optional \`rrule\`) or a \`calendar\` URL",
  ".github/agenda-drafter.yml:19:89: meetings.filter-without-calendar.schedule.calendar_filter: applies only to a \`calendar\`",
  ".github/agenda-drafter.yml:22:93: meetings.rrule-with-calendar.schedule.rrule: applies only to \`start\`; a calendar gives its own recurrence",
  ".github/agenda-drafter.yml:25:52: meetings.skipped-by-dst.schedule.start: \`2024-03-10T02:30\` does not exist in America/New_York: the clocks skip it",
]
`);
});

test("two meetings writing minutes to the same path: the later one is left out", () => {
  const { meetings, problems } = resolve(`defaults:
  schedule: { timezone: UTC, start: "2024-04-03T15:00" }
meetings:
  tsc:
    name: Node.js TSC
  security-wg:
    name: Node.js Security team
  build-wg:
    name: Node.js Build WG
    minutes: { path: "meetings/build/{{date}}.md" }
`);
  expect(meetings.map((meeting) => meeting.id)).toEqual(["tsc", "build-wg"]);
  expect(problems).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:6:3: meetings.security-wg.minutes.path: meetings \`tsc\` and \`security-wg\` both write their minutes to \`meetings/{{date}}.md\`; give \`security-wg\` its own \`minutes.path\`, e.g. \`meetings/security-wg/{{date}}.md\`",
]
`);
});

test("a file without meetings is worth a warning", () => {
  expect(resolve("defaults:\n  lead_time: 2d\n").problems).toMatchInlineSnapshot(`[]`);
});

test("a layout needs exactly one agenda section, and standing items name a heading of it", () => {
  const { meetings, problems } = resolve(`defaults:
  schedule: { timezone: UTC, start: "2024-03-27T14:00" }
meetings:
  no-agenda:
    name: No agenda
    minutes: { path: "a/{{date}}.md" }
    layout: { sections: [{ heading: Agenda }, { heading: Notes }] }
  two-agendas:
    name: Two
    minutes: { path: "b/{{date}}.md" }
    layout: { sections: [{ heading: A, agenda: true }, { heading: B, agenda: true, labels: [x] }] }
  lost-item:
    name: Lost
    minutes: { path: "c/{{date}}.md" }
    standing_items: [{ title: Review, section: Announcement }]
  tsc:
    name: Node.js TSC
    standing_items: [{ title: Announcements from the board, section: Announcements }]
    layout:
      sections: [{ heading: Announcements, level: 3 }, { heading: Updates, level: 3, agenda: true }, { heading: Releases, labels: [release] }]
      present: { style: name_login, roles: [{ role: voting member, logins: ["@aduh95"] }] }
`);
  expect(problems).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:7:25: meetings.no-agenda.layout.sections: exactly one section needs \`agenda: true\` (where the items by repository go); none has it",
  ".github/agenda-drafter.yml:11:25: meetings.two-agendas.layout.sections: exactly one section needs \`agenda: true\` (where the items by repository go); sections 1 and 2 have it",
  ".github/agenda-drafter.yml:11:92: meetings.two-agendas.layout.sections[1].labels: a section holds the agenda or the items of some labels, not both",
  ".github/agenda-drafter.yml:15:48: meetings.lost-item.standing_items[0].section: \`Announcement\` is not the heading of a section; the sections are \`Agenda\`, \`Announcements\`, \`Q&A, Other\`",
]
`);
  expect(meetings.map((meeting) => meeting.id)).toEqual(["tsc"]);
  expect(meetings[0]?.layout).toEqual({
    sections: [
      { heading: "Announcements", level: 3, agenda: false, labels: [] },
      { heading: "Updates", level: 3, agenda: true, labels: [] },
      { heading: "Releases", level: 2, agenda: false, labels: ["release"] },
    ],
    present: { style: "name_login", roles: [{ role: "voting member", logins: ["aduh95"] }] },
  });
  expect(meetings[0]?.standingItems).toEqual([{ title: "Announcements from the board", section: "Announcements" }]);
});

test("alternating slots resolve with their own rule, length and links; mixing them with start or calendar is a problem", () => {
  const { meetings, problems } = resolve(`meetings:
  mixed:
    name: Mixed
    minutes: { path: "m/{{date}}.md" }
    schedule: { timezone: UTC, start: "2024-03-27T14:00", slots: [{ start: "2024-04-03T20:00" }] }
  skipped:
    name: Skipped
    minutes: { path: "s/{{date}}.md" }
    schedule: { timezone: America/New_York, slots: [{ start: "2024-03-10T02:30" }] }
  tsc:
    name: Node.js TSC
    schedule:
      timezone: UTC
      duration: 60
      slots:
        - { start: "2024-03-27T14:00", rrule: "RRULE:FREQ=WEEKLY;INTERVAL=2", links: { joining: "https://zoom.us/j/early" } }
        - { start: "2024-04-03T20:00", rrule: "FREQ=WEEKLY;INTERVAL=2", duration: 90 }
`);
  expect(problems).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:5:39: meetings.mixed.schedule.start: give either \`slots\` or \`start\`/\`rrule\`/\`calendar\`, not both; each slot has its own \`start\` and \`rrule\`",
  ".github/agenda-drafter.yml:9:62: meetings.skipped.schedule.slots[0].start: \`2024-03-10T02:30\` does not exist in America/New_York: the clocks skip it",
]
`);
  expect(meetings.map((meeting) => meeting.id)).toEqual(["tsc"]);
  expect(meetings[0]?.schedule).toEqual({
    kind: "rrule",
    timezone: "UTC",
    start: "2024-03-27T14:00",
    rrule: "FREQ=WEEKLY;INTERVAL=2",
    durationMinutes: 60,
    exceptions: [],
    slots: [
      { start: "2024-03-27T14:00", rrule: "FREQ=WEEKLY;INTERVAL=2", durationMinutes: 60, links: { joining: "https://zoom.us/j/early" } },
      { start: "2024-04-03T20:00", rrule: "FREQ=WEEKLY;INTERVAL=2", durationMinutes: 90, links: {} },
    ],
  });
});

test("time zones may carry the label the group reads them by", () => {
  const { meetings, problems } = resolve(`meetings:
  tsc:
    name: Node.js TSC
    schedule: { timezone: UTC, start: "2024-03-27T14:00" }
    timezones: [{ zone: America/Los_Angeles, label: US / Pacific }, Europe/Berlin]
`);
  expect(problems).toEqual([]);
  expect(meetings[0]).toMatchObject({ timezones: ["America/Los_Angeles", "Europe/Berlin"], timezoneLabels: { "America/Los_Angeles": "US / Pacific" } });
});

test("sources.discussions: true takes every category, a list only those; with a project board it is a problem at its line", () => {
  const meeting = (sources: string) => SECURITY_WG_CONFIG.replace(/^(\s+)agenda_labels:/m, `$1sources: ${sources}\n$1agenda_labels:`);
  expect(resolve(meeting("{ discussions: true }")).meetings[0]?.sources).toEqual({ discussions: { categories: [] } });
  expect(resolve(meeting("{ discussions: { categories: [Agenda] } }")).meetings[0]?.sources).toEqual({ discussions: { categories: ["Agenda"] } });
  expect(resolve(meeting("{ discussions: false }")).meetings[0]?.sources).toBeUndefined();
  const both = resolve(meeting("{ discussions: true, project: { owner: nodejs, number: 1, field: Status, value: Agenda } }"));
  expect(both.meetings).toEqual([]);
  expect(both.problems).toEqual([expect.stringMatching(/^\.github\/agenda-drafter\.yml:4:29: meetings\.security-wg\.sources\.discussions.*project board takes no discussions/)]);
});

test("a meeting that gets a project board from defaults and discussions from its own entry is refused at its entry's key", () => {
  const board = { sources: { project: { owner: "nodejs", number: 1, field: "Status", value: "Agenda" } } };
  const entry = SECURITY_WG_CONFIG.replace(/^(\s+)agenda_labels:/m, "$1sources: { discussions: true }\n$1agenda_labels:");
  const { meetings, problems } = resolve(entry, board);
  expect(meetings).toEqual([]);
  expect(problems).toEqual([expect.stringMatching(/^\.github\/agenda-drafter\.yml:4:29: meetings\.security-wg\.sources\.discussions.*project board takes no discussions/)]);
  const fromDefaults = resolve(`defaults:\n  sources: { discussions: true }\n${SECURITY_WG_CONFIG.replace(/^(\s+)agenda_labels:/m, "$1sources: { project: { owner: nodejs, number: 1, field: Status, value: Agenda } }\n$1agenda_labels:")}`);
  expect(fromDefaults.problems).toEqual([expect.stringMatching(/meetings\.security-wg\.sources\.project.*project board takes no discussions/)]);
});
