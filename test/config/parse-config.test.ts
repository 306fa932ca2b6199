import { parseConfig } from "../../src/config/parse-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { SECURITY_WG_CONFIG } from "./fixtures.js";

const FILE = ".github/agenda-drafter.yml";

function problemsOf(text: string): string[] {
  return parseConfig(text, FILE).problems.map(formatProblem);
}

test("a complete config parses without problems", () => {
  const parsed = parseConfig(SECURITY_WG_CONFIG, FILE);
  expect(parsed.problems).toEqual([]);
  expect(parsed.raw?.meetings?.["security-wg"]?.schedule).toEqual({
    timezone: "UTC",
    start: "2024-03-28T16:00",
    rrule: "FREQ=WEEKLY;INTERVAL=2",
    duration: 60,
    exceptions: ["2024-12-26"],
  });
});

test("a YAML syntax error invalidates the file", () => {
  const parsed = parseConfig("meetings:\n  tsc:\n    name: [TSC\n  security-wg:\n    name: Security\n", FILE);
  expect(parsed.raw).toBeUndefined();
  expect(parsed.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:4:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
]
`);
});

test("every value problem names the key path, line and column", () => {
  const text = `meetings:
  security-wg:
    name: ""
    agenda_labels: []
    scope: { orgs: [nodejs], repos: [nodejs/node] }
    include_private: [nodejs-private]
    schedule:
      timezone: Mars/Olympus_Mons
      start: "2024-03-28 16:00"
      rrule: "DTSTART:20240328T160000Z;FREQ=WEEKLY"
      duration: -30
      exceptions: ["2024-02-30", 20241226]
      calendar: "ftp://example.org/cal.ics"
    lead_time: 3 days
    invited: ["nodejs security wg"]
    standing_items:
      - { url: "https://github.com/nodejs/security-wg/issues" }
    minutes: { path: "meetings/minutes.md", open: after_meetin }
    issue: { title: "{{name}} Meeting {{date", labels: meeting, close_previous: "yes" }
    templates: { issue: "/etc/issue.hbs" }
    links: { joining: "zoom 123" }
    timezones: [Europe/Berlin, Asia/Calcutta, Europe/Berln]
    dry_run: 1
    commands: { allow: { teams: ["nodejs"], logins: ["not a login"] } }
`;
  expect(problemsOf(text)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:3:11: meetings.security-wg.name: must not be empty",
  ".github/agenda-drafter.yml:4:20: meetings.security-wg.agenda_labels: must list at least one label",
  ".github/agenda-drafter.yml:5:12: meetings.security-wg.scope: give either \`orgs\` or \`repos\`, not both and not neither",
  ".github/agenda-drafter.yml:6:23: meetings.security-wg.include_private[0]: \`nodejs-private\` is not a repository; write \`owner/name\`",
  ".github/agenda-drafter.yml:8:17: meetings.security-wg.schedule.timezone: \`Mars/Olympus_Mons\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)",
  ".github/agenda-drafter.yml:9:14: meetings.security-wg.schedule.start: \`2024-03-28 16:00\` is not a date and time; write \`YYYY-MM-DDTHH:mm\`, e.g. \`2024-03-28T16:00\`",
  ".github/agenda-drafter.yml:10:14: meetings.security-wg.schedule.rrule: must not contain DTSTART; \`start\` gives the first occurrence",
  ".github/agenda-drafter.yml:11:17: meetings.security-wg.schedule.duration: must be a positive number of minutes",
  ".github/agenda-drafter.yml:12:20: meetings.security-wg.schedule.exceptions[0]: \`2024-02-30\` is not a date; write \`YYYY-MM-DD\`",
  ".github/agenda-drafter.yml:12:34: meetings.security-wg.schedule.exceptions[1]: expected a date written \`YYYY-MM-DD\`",
  ".github/agenda-drafter.yml:13:17: meetings.security-wg.schedule.calendar: \`ftp://example.org/cal.ics\` is not a calendar URL (https:// or http:// or webcal://)",
  ".github/agenda-drafter.yml:14:16: meetings.security-wg.lead_time: \`3 days\` is not a positive duration; write e.g. \`3d\`, \`36h\`, \`90m\`, \`1d12h\` or \`P3D\`",
  ".github/agenda-drafter.yml:15:15: meetings.security-wg.invited[0]: \`nodejs security wg\` is not a GitHub user or team; write \`@login\` or \`@org/team\`",
  ".github/agenda-drafter.yml:17:9: meetings.security-wg.standing_items[0].title: is required",
  ".github/agenda-drafter.yml:18:22: meetings.security-wg.minutes.path: \`meetings/minutes.md\` must contain \`{{date}}\`, or every meeting would overwrite the same minutes",
  ".github/agenda-drafter.yml:18:51: meetings.security-wg.minutes.open: expected one of \`after_meeting\`, \`with_issue\`, \`on_command\`, got \`after_meetin\`; did you mean \`after_meeting\`?",
  ".github/agenda-drafter.yml:19:21: meetings.security-wg.issue.title: is not a valid Handlebars template: line 1, column 20: a \`{{\` tag that is not closed with \`}}\`, or text Handlebars cannot read in a tag",
  ".github/agenda-drafter.yml:19:56: meetings.security-wg.issue.labels: expected a list, e.g. \`[meeting]\`",
  ".github/agenda-drafter.yml:19:81: meetings.security-wg.issue.close_previous: expected \`true\` or \`false\`, got \`yes\`",
  ".github/agenda-drafter.yml:20:25: meetings.security-wg.templates.issue: \`/etc/issue.hbs\` must be a path inside the repository, without a leading \`/\` or \`..\`",
  ".github/agenda-drafter.yml:21:23: meetings.security-wg.links.joining: \`zoom 123\` is not a web URL (https:// or http://)",
  ".github/agenda-drafter.yml:22:47: meetings.security-wg.timezones[2]: \`Europe/Berln\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)",
  ".github/agenda-drafter.yml:23:14: meetings.security-wg.dry_run: expected \`true\` or \`false\`, got \`1\`",
  ".github/agenda-drafter.yml:24:34: meetings.security-wg.commands.allow.teams[0]: \`nodejs\` is not a team; write \`@org/team\`",
  ".github/agenda-drafter.yml:24:54: meetings.security-wg.commands.allow.logins[0]: \`not a login\` is not a GitHub login",
]
`);
});

test("unknown keys are errors that suggest the key meant", () => {
  const text = `defualts:
  lead_time: 2d
meetings:
  tsc:
    name: Node.js TSC
    agenda_label: [tsc-agenda]
    schedule: { timezone: UTC, start: "2024-04-03T15:00", rule: "FREQ=WEEKLY" }
    minutes: { path: "meetings/{{date}}.md", opne: with_issue }
    zoom_link: "https://zoom.us/j/1"
`;
  expect(problemsOf(text)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:1:1: defualts: unknown key; did you mean \`defaults\`?",
  ".github/agenda-drafter.yml:6:5: meetings.tsc.agenda_label: unknown key; did you mean \`agenda_labels\`?",
  ".github/agenda-drafter.yml:7:59: meetings.tsc.schedule.rule: unknown key; did you mean \`rrule\`?",
  ".github/agenda-drafter.yml:8:46: meetings.tsc.minutes.opne: unknown key; did you mean \`open\`?",
  ".github/agenda-drafter.yml:9:5: meetings.tsc.zoom_link: unknown key",
]
`);
});

test("wrong types say what was expected and what was found", () => {
  const text = `meetings:
  tsc:
    name: 42
    agenda_labels: tsc-agenda
    schedule: "every other Wednesday"
    lead_time: 3
    invited:
    standing_items: [Announcements]
`;
  expect(problemsOf(text)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:3:11: meetings.tsc.name: expected text, got \`42\`",
  ".github/agenda-drafter.yml:4:20: meetings.tsc.agenda_labels: expected a list, e.g. \`[tsc-agenda]\`",
  ".github/agenda-drafter.yml:5:15: meetings.tsc.schedule: expected a mapping, got \`every other Wednesday\`",
  ".github/agenda-drafter.yml:6:16: meetings.tsc.lead_time: expected a duration such as \`3d\`, \`36h\`, \`90m\`, \`1d12h\` or \`P3D\`",
  ".github/agenda-drafter.yml:7:13: meetings.tsc.invited: expected a list, got nothing",
  ".github/agenda-drafter.yml:8:22: meetings.tsc.standing_items[0]: expected a mapping, got \`Announcements\`",
]
`);
});

test("meeting ids are lowercase letters, digits and dashes", () => {
  expect(problemsOf(`meetings:\n  Security_WG:\n    name: Security\n`)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:2:3: meetings.Security_WG: meeting id \`Security_WG\` may only use lowercase letters, digits and \`-\`",
]
`);
});

test("rrules must parse, without DTSTART, with a meeting frequency", () => {
  const rrules = [
    "FREQ=WEEKLY;BYDAY=XX",
    "INTERVAL=2",
    "FREQ=FORTNIGHTLY",
    "FREQ=HOURLY",
    "FREQ=WEEKLY;COUNT=two",
    "FREQ=WEEKLY;INTERVAL=0",
    "FREQ=WEEKLY;UNTIL=tomorrow",
    "every week",
    "RRULE:FREQ=MONTHLY;BYDAY=2TH",
  ];
  const text = `defaults:\n  schedule:\n    timezone: UTC\nmeetings:\n${rrules
    .map((rrule, index) => `  m${index}:\n    schedule: { start: "2024-01-01T10:00", rrule: "${rrule}" }\n`)
    .join("")}`;
  expect(problemsOf(text)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:6:51: meetings.m0.schedule.rrule: is not a valid RRULE: cannot read \`BYDAY=XX\`",
  ".github/agenda-drafter.yml:8:51: meetings.m1.schedule.rrule: needs FREQ=YEARLY|MONTHLY|WEEKLY|DAILY, e.g. \`FREQ=WEEKLY;INTERVAL=2\`",
  ".github/agenda-drafter.yml:10:51: meetings.m2.schedule.rrule: needs FREQ=YEARLY|MONTHLY|WEEKLY|DAILY, e.g. \`FREQ=WEEKLY;INTERVAL=2\`",
  ".github/agenda-drafter.yml:12:51: meetings.m3.schedule.rrule: needs FREQ=YEARLY|MONTHLY|WEEKLY|DAILY, e.g. \`FREQ=WEEKLY;INTERVAL=2\`",
  ".github/agenda-drafter.yml:14:51: meetings.m4.schedule.rrule: is not a valid RRULE: cannot read \`COUNT=two\`",
  ".github/agenda-drafter.yml:16:51: meetings.m5.schedule.rrule: is not a valid RRULE: \`INTERVAL=0\` must be 1 or more",
  ".github/agenda-drafter.yml:18:51: meetings.m6.schedule.rrule: is not a valid RRULE: Invalid UNTIL value: tomorrow",
  ".github/agenda-drafter.yml:20:51: meetings.m7.schedule.rrule: needs FREQ=YEARLY|MONTHLY|WEEKLY|DAILY, e.g. \`FREQ=WEEKLY;INTERVAL=2\`",
]
`);
});

test("the scope needs orgs or repos, and repos are owner/name", () => {
  const text = `meetings:
  a: { scope: {} }
  b: { scope: { repos: [node] } }
  c: { scope: { orgs: [] } }
`;
  expect(problemsOf(text)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:2:15: meetings.a.scope: give either \`orgs\` or \`repos\`, not both and not neither",
  ".github/agenda-drafter.yml:3:25: meetings.b.scope.repos[0]: \`node\` is not a repository; write \`owner/name\`",
  ".github/agenda-drafter.yml:4:23: meetings.c.scope.orgs: must list at least one organization",
]
`);
});

test("a problem in one meeting's entry leaves the other meetings", () => {
  const parsed = parseConfig(
    `meetings:
  tsc:
    name: Node.js TSC
    schedule: { timezone: America/New_York, start: "2024-04-03T11:00", rrule: "FREQ=WEEKLY" }
  security-wg:
    name: Node.js Security team
    schedule: { timezone: Europe/Berln, start: "2024-03-28T16:00" }
`,
    FILE,
  );
  expect(Object.keys(parsed.raw?.meetings ?? {})).toEqual(["tsc"]);
  expect(parsed.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:7:27: meetings.security-wg.schedule.timezone: \`Europe/Berln\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)",
]
`);
});

test("a problem outside the meetings invalidates the file", () => {
  const parsed = parseConfig(
    `defaults:
  lead_time: soon
meetings:
  tsc:
    name: Node.js TSC
    schedule: { timezone: UTC, start: "2024-04-03T15:00" }
`,
    FILE,
  );
  expect(parsed.raw).toBeUndefined();
  expect(parsed.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:2:14: defaults.lead_time: \`soon\` is not a positive duration; write e.g. \`3d\`, \`36h\`, \`90m\`, \`1d12h\` or \`P3D\`",
]
`);
});

test("a file that is not a mapping", () => {
  expect(problemsOf("- security-wg\n")).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:1:1: expected a mapping, got a list",
]
`);
});

test("an empty file has nothing wrong with it", () => {
  expect(parseConfig("", FILE)).toMatchObject({ raw: {}, problems: [] });
});

test.each(["@nodejs/build", "yes", "mhdawson"])("the hint for `invited: %s` is a list that is itself valid and means the same", (handle) => {
  const text = (value: string) => `meetings:\n  build:\n    name: Build\n    schedule: { timezone: UTC, start: "2024-03-28T16:00" }\n    invited: ${value}\n`;
  const [problem] = parseConfig(text(JSON.stringify(handle)), FILE).problems;
  const hint = /e\.g\. `(.+)`$/.exec(problem?.message ?? "")?.[1];
  expect(hint).toBeDefined();
  const fixed = parseConfig(text(hint!), FILE);
  expect(fixed.problems).toEqual([]);
  expect(fixed.raw?.meetings?.["build"]?.invited).toEqual([handle]);
});
