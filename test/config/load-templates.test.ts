import nock from "nock";
import { ProbotOctokit } from "probot";
import { loadTemplates } from "../../src/config/load-templates.js";
import { formatProblem } from "../../src/config/problem.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { resolveMeetings } from "../../src/config/resolve-meetings.js";
import type { GitHub } from "../../src/github.js";
import type { Meeting } from "../../src/model.js";

let octokit: GitHub;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
});
afterEach(() => nock.cleanAll());

function meetingWithTemplates(templates: string): Meeting {
  const text = `meetings:\n  tsc:\n    name: Node.js TSC\n    schedule: { timezone: UTC, start: "2024-04-03T15:00" }\n    templates: ${templates}\n`;
  const { raw } = parseConfig(text, ".github/agenda-drafter.yml");
  const [meeting] = resolveMeetings(raw ?? {}, { home: { owner: "nodejs", repo: "TSC" }, file: ".github/agenda-drafter.yml" }).meetings;
  if (!meeting) throw new Error("the fixture meeting does not resolve");
  return meeting;
}

function contents(path: string): string {
  return `/repos/nodejs/TSC/contents/${encodeURIComponent(path)}`;
}

function file(text: string) {
  return { type: "file", encoding: "base64", content: Buffer.from(text).toString("base64") };
}

const ISSUE_TEMPLATE = "## Agenda\n\n{{#each groups}}\n### {{repo}}\n{{/each}}\n";

test("templates the meeting configures are read from its home repo", async () => {
  const scope = nock("https://api.github.com")
    .get(contents(".github/agenda-drafter/issue.md.hbs"))
    .reply(200, file(ISSUE_TEMPLATE))
    .get(contents(".github/agenda-drafter/minutes.md.hbs"))
    .reply(200, file("# {{title}}\n"));

  const templates = await loadTemplates(
    octokit,
    meetingWithTemplates(`{ issue: ".github/agenda-drafter/issue.md.hbs", minutes: ".github/agenda-drafter/minutes.md.hbs" }`),
  );
  expect(templates).toEqual({ issue: ISSUE_TEMPLATE, minutes: "# {{title}}\n", problems: [] });
  expect(scope.isDone()).toBe(true);
});

test("no configured template, no request", async () => {
  await expect(loadTemplates(octokit, meetingWithTemplates("{}"))).resolves.toEqual({ problems: [] });
});

test("a configured template that is missing or broken is a problem naming its path", async () => {
  const scope = nock("https://api.github.com")
    .get(contents(".github/agenda-drafter/issue.md.hbs"))
    .reply(404, { message: "Not Found" })
    .get(contents("minutes.hbs"))
    .reply(200, file("# {{title}}\n{{#each groups}}\n"));

  const templates = await loadTemplates(
    octokit,
    meetingWithTemplates(`{ issue: ".github/agenda-drafter/issue.md.hbs", minutes: minutes.hbs }`),
  );
  expect(templates.issue).toBeUndefined();
  expect(templates.minutes).toBeUndefined();
  expect(templates.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml: meetings.tsc.templates.issue: \`.github/agenda-drafter/issue.md.hbs\` does not exist in nodejs/TSC",
  ".github/agenda-drafter.yml: meetings.tsc.templates.minutes: \`minutes.hbs:3:1\` is not a valid Handlebars template: the template ends inside an open block (a {{#if}} or {{#each}} without its {{/if}} or {{/each}}?)",
]
`);
  expect(scope.isDone()).toBe(true);
});
