import { formatProblem } from "../../src/config/problem.js";

test("problems read like compiler messages", () => {
  expect(
  [
  {
    file: ".github/agenda-drafter.yml",
    path: "meetings.security-wg.schedule.timezone",
    line: 12,
    column: 17,
    message: "`Europe/Berln` is not an IANA time zone (e.g. `Europe/Berlin`, `UTC`)",
    severity: "error" as const
  },
  {
    file: "nodejs/.github:.github/agenda-drafter.yml",
    path: "meetings",
    line: 4,
    column: 1,
    message: "ignored: an extended file gives only `defaults`",
    severity: "warning" as const
  },
  {
    file: ".github/agenda-drafter.yml",
    path: "meetings.tsc.templates.issue",
    message: "`.github/agenda-drafter/issue.md.hbs` does not exist in nodejs/TSC",
    severity: "error" as const
  }].
  map(formatProblem)
).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:12:17: meetings.security-wg.schedule.timezone: \`Europe/Berln\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)",
  "nodejs/.github:.github/agenda-drafter.yml:4:1: warning: meetings: ignored: an extended file gives only \`defaults\`",
  ".github/agenda-drafter.yml: meetings.tsc.templates.issue: \`.github/agenda-drafter/issue.md.hbs\` does not exist in nodejs/TSC",
]
`);
});
