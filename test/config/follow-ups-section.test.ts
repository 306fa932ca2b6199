import { parseConfig } from "../../src/config/parse-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { resolveMeetings } from "../../src/config/resolve-meetings.js";
import { listsFollowUps } from "../../src/config/follow-ups-section.js";

const FILE = ".github/agenda-drafter.yml";

function resolve(text: string) {
  const parsed = parseConfig(text, FILE);
  if (!parsed.raw) return { meetings: [], problems: parsed.problems.map(formatProblem) };
  const resolved = resolveMeetings(parsed.raw, { home: { owner: "nodejs", repo: "security-wg" }, file: FILE, locate: parsed.locate });
  return { meetings: resolved.meetings, problems: [...parsed.problems, ...resolved.problems].map(formatProblem) };
}

test("`follow_ups: true` places the section; a section of its own, one at most", () => {
  const { meetings, problems } = resolve(`defaults:
  schedule: { timezone: UTC, start: "2024-03-27T14:00" }
meetings:
  placed:
    name: Placed
    minutes: { path: "a/{{date}}.md" }
    layout: { sections: [{ heading: Updates, agenda: true }, { heading: Open actions, level: 3, follow_ups: true }] }
  none:
    name: None
    minutes: { path: "b/{{date}}.md" }
    layout: { sections: [{ heading: Updates, agenda: true }] }
  mixed:
    name: Mixed
    minutes: { path: "c/{{date}}.md" }
    layout: { sections: [{ heading: Updates, agenda: true, follow_ups: true }, { heading: A, follow_ups: true }] }
  default:
    name: Default
    minutes: { path: "d/{{date}}.md" }
    standing_items: [{ title: Review, section: Action items from last meeting }]
`);
  expect(problems).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:15:72: meetings.mixed.layout.sections[0].follow_ups: a section lists the follow-ups of the last minutes alone, without \`agenda\` or \`labels\`",
  ".github/agenda-drafter.yml:15:25: meetings.mixed.layout.sections: at most one section has \`follow_ups: true\`; sections 1 and 2 have it",
  ".github/agenda-drafter.yml:19:48: meetings.default.standing_items[0].section: \`Action items from last meeting\` is not the heading of a section; the sections are \`Agenda\`, \`Announcements\`, \`Q&A, Other\`",
]
`);
  expect(meetings.map((meeting) => [meeting.id, listsFollowUps(meeting)])).toEqual([
    ["placed", true],
    ["none", false],
  ]);
  expect(meetings[0]?.layout?.sections[1]).toEqual({ heading: "Open actions", level: 3, agenda: false, labels: [], followUps: true });
});

test("`follow_ups` takes only `true`", () => {
  const { problems } = resolve(`meetings:
  m:
    name: M
    schedule: { timezone: UTC, start: "2024-03-27T14:00" }
    layout: { sections: [{ heading: Updates, agenda: true }, { heading: A, follow_ups: false }] }
`);
  expect(problems).toEqual([expect.stringContaining("meetings.m.layout.sections[1].follow_ups: expected `true`")]);
});
