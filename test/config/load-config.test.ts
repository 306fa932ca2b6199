import nock from "nock";
import { ProbotOctokit } from "probot";
import { loadRepoConfig } from "../../src/config/load-config.js";
import { formatProblem } from "../../src/config/problem.js";
import type { GitHub } from "../../src/github.js";
import { SECURITY_WG_CONFIG } from "./fixtures.js";

const SECURITY_WG = { owner: "nodejs", repo: "security-wg" };
const CONFIG = ".github/agenda-drafter.yml";

let octokit: GitHub;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
});
afterEach(() => nock.cleanAll());

function github() {
  return nock("https://api.github.com");
}

function contents(repo: string, path = CONFIG): string {
  return `/repos/${repo}/contents/${encodeURIComponent(path)}`;
}

function file(text: string) {
  return { type: "file", encoding: "base64", name: "agenda-drafter.yml", content: Buffer.from(text).toString("base64") };
}

const NOT_FOUND = { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content" };

const ORG_DEFAULTS = `# Defaults for every meeting of the nodejs org
defaults:
  schedule: { timezone: UTC, duration: 60 }
  lead_time: 2d
  issue: { labels: [meeting, agenda] }
meetings:
  tsc:
    name: Node.js TSC
    schedule: { start: "2024-04-03T15:00", rrule: "FREQ=WEEKLY" }
`;

test("a repository without its own file is not a home repo, whatever the org's .github holds", async () => {
  const own = github().get(contents("nodejs/node")).reply(404, NOT_FOUND);
  const org = github().get(contents("nodejs/.github")).reply(200, file(ORG_DEFAULTS));

  await expect(loadRepoConfig(octokit, { owner: "nodejs", repo: "node" })).resolves.toBeNull();
  expect(own.isDone()).toBe(true);
  expect(org.isDone()).toBe(false);
});

test("a repository's own file declares its meetings", async () => {
  const scope = github().get(contents("nodejs/security-wg")).reply(200, file(SECURITY_WG_CONFIG));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.problems).toEqual([]);
  expect(loaded?.meetings.map((meeting) => [meeting.id, meeting.home, meeting.name])).toEqual([
    ["security-wg", SECURITY_WG, "Node.js Security team"],
  ]);
  expect(loaded?.files).toEqual([{ ...SECURITY_WG, path: CONFIG }]);
  expect(scope.isDone()).toBe(true);
});

test("_extends takes only the defaults of the extended file; the own file wins", async () => {
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .reply(
      200,
      file(`_extends: .github
defaults:
  lead_time: 3d
meetings:
  security-wg:
    name: Node.js Security team
    schedule: { start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
`),
    )
    .get(contents("nodejs/.github"))
    .reply(200, file(ORG_DEFAULTS));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  "nodejs/.github:.github/agenda-drafter.yml:6:1: warning: meetings: ignored: an extended file gives only \`defaults\`",
]
`);
  expect(loaded?.meetings.map(({ id, leadTimeMs, issue, schedule }) => ({ id, leadTimeMs, issue, schedule }))).
toMatchInlineSnapshot(`
[
  {
    "id": "security-wg",
    "issue": {
      "closePrevious": true,
      "labels": [
        "meeting",
        "agenda",
      ],
      "title": "{{name}} Meeting {{date}}",
    },
    "leadTimeMs": 259200000,
    "schedule": {
      "durationMinutes": 60,
      "exceptions": [],
      "kind": "rrule",
      "rrule": "FREQ=WEEKLY;INTERVAL=2",
      "start": "2024-03-28T16:00",
      "timezone": "UTC",
    },
  },
]
`);
  expect(loaded?.files).toEqual([
    { ...SECURITY_WG, path: CONFIG },
    { owner: "nodejs", repo: ".github", path: CONFIG },
  ]);
  expect(scope.isDone()).toBe(true);
});

test("an extended file can extend another one, with a path; nearer files win", async () => {
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .reply(200, file(`_extends: .github\nmeetings:\n  security-wg:\n    name: Security\n    schedule: { start: "2024-03-28T16:00" }\n`))
    .get(contents("nodejs/.github"))
    .reply(200, file(`_extends: openjs-foundation/.github:agenda/defaults.yml\ndefaults:\n  lead_time: 2d\n`))
    .get(contents("openjs-foundation/.github", "agenda/defaults.yml"))
    .reply(200, file(`defaults:\n  lead_time: 5d\n  dry_run: true\n  schedule: { timezone: America/New_York }\n`));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.problems).toEqual([]);
  expect(loaded?.meetings[0]).toMatchObject({ leadTimeMs: 2 * 24 * 3_600_000, dryRun: true, schedule: { timezone: "America/New_York" } });
  expect(loaded?.files.map(({ owner, repo, path }) => `${owner}/${repo}:${path}`)).toEqual([
    "nodejs/security-wg:.github/agenda-drafter.yml",
    "nodejs/.github:.github/agenda-drafter.yml",
    "openjs-foundation/.github:agenda/defaults.yml",
  ]);
  expect(scope.isDone()).toBe(true);
});

test("a missing extended file is a problem, and no meeting runs without its defaults", async () => {
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .reply(200, file(`# Security WG\n_extends: nodejs/admin:agenda.yml\nmeetings:\n  security-wg:\n    name: Security\n`))
    .get(contents("nodejs/admin", "agenda.yml"))
    .reply(404, NOT_FOUND);

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.meetings).toEqual([]);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:2:11: _extends: \`nodejs/admin:agenda.yml\` does not exist",
]
`);
  expect(scope.isDone()).toBe(true);
});

test("extending in a cycle is a problem", async () => {
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .reply(200, file(`_extends: .github\nmeetings:\n  security-wg:\n    name: Security\n`))
    .get(contents("nodejs/.github"))
    .reply(200, file(`_extends: security-wg\ndefaults:\n  lead_time: 2d\n`));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.meetings).toEqual([]);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  "nodejs/.github:.github/agenda-drafter.yml:1:11: _extends: \`security-wg\` leads back to nodejs/security-wg:.github/agenda-drafter.yml: the files extend each other in a cycle",
]
`);
  expect(scope.isDone()).toBe(true);
});

test("an _extends chain is at most five files deep", async () => {
  let scope = github().get(contents("nodejs/security-wg")).reply(200, file(`_extends: level-1\nmeetings: {}\n`));
  for (let level = 1; level <= 5; level++) {
    scope = scope.get(contents(`nodejs/level-${level}`)).reply(200, file(`_extends: level-${level + 1}\n`));
  }

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:2:11: warning: meetings: declares no meeting",
  "nodejs/level-5:.github/agenda-drafter.yml:1:11: _extends: \`level-6\` goes more than 5 files deep; shorten the \`_extends\` chain",
]
`);
  expect(scope.isDone()).toBe(true);
});

test("problems in an extended file name that file and its lines", async () => {
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .reply(200, file(`_extends: ".github:not-a-dir/agenda.yml"\nmeetings:\n  security-wg:\n    name: Security\n`))
    .get(contents("nodejs/.github", "not-a-dir/agenda.yml"))
    .reply(200, file(`defaults:\n  schedule:\n    timezone: Europe/Berln\n`));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.meetings).toEqual([]);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  "nodejs/.github:not-a-dir/agenda.yml:3:15: defaults.schedule.timezone: \`Europe/Berln\` is not an IANA time zone (e.g. \`Europe/Berlin\`, \`UTC\`)",
]
`);
  expect(scope.isDone()).toBe(true);
});

test("a malformed own file is reported, not thrown", async () => {
  const scope = github().get(contents("nodejs/security-wg")).reply(200, file("meetings:\n  security-wg: [\n"));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG);
  expect(loaded?.meetings).toEqual([]);
  expect(loaded?.problems.map(formatProblem)).toMatchInlineSnapshot(`
[
  ".github/agenda-drafter.yml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
]
`);
  expect(scope.isDone()).toBe(true);
});

test("errors other than a missing file are GitHub's, and are thrown", async () => {
  const scope = github().get(contents("nodejs/security-wg")).reply(500, { message: "Server Error" });

  await expect(loadRepoConfig(octokit, SECURITY_WG)).rejects.toMatchObject({ status: 500 });
  expect(scope.isDone()).toBe(true);
});

test("the own file can be read at a commit; extended files come from their default branch", async () => {
  const sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  const scope = github()
    .get(contents("nodejs/security-wg"))
    .query({ ref: sha })
    .reply(200, file(`_extends: .github\nmeetings:\n  security-wg:\n    name: Security\n    schedule: { start: "2024-03-28T16:00" }\n`))
    .get(contents("nodejs/.github"))
    .reply(200, file(`defaults:\n  schedule: { timezone: UTC }\n`));

  const loaded = await loadRepoConfig(octokit, SECURITY_WG, sha);
  expect(loaded?.problems).toEqual([]);
  expect(loaded?.meetings.map((meeting) => meeting.id)).toEqual(["security-wg"]);
  expect(scope.isDone()).toBe(true);
});
