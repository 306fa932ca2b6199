import { Sandbox } from "@agenda-drafter/github-sandbox";
import { loadRepoConfig } from "../../src/config/load-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { discussionSourceProblems } from "../../src/operations/steps/discussion-source-problems.js";

// `sources.discussions` checked against the scope's repositories through GraphQL, each problem at its key's line.

const MEETING = (id: string, sources: string, scope = "{ repos: [nodejs/security-wg, nodejs/node] }") =>
  `  ${id}:\n    name: Test\n    scope: ${scope}\n    sources: { discussions: ${sources} }\n    schedule: { timezone: UTC, start: "2024-03-28T16:00" }\n    minutes: { path: "meetings/${id}/{{date}}.md" }\n`;

const CONFIG = `defaults:
  sources:
    discussions:
      categories: [Agenda, Ideas]
meetings:
${MEETING("typo", "{ categories: [Idaes, Q&A, Announcements] }")}${MEETING("unknown", "{ categories: [Budget] }", "{ orgs: [nodejs] }")}${MEETING("all", "true")}  from-defaults:
    name: Test
    schedule: { timezone: UTC, start: "2024-03-28T16:00" }
    minutes: { path: "meetings/from-defaults/{{date}}.md" }
`;

const snapshot = (homeDiscussions: boolean) => `
orgs:
  nodejs:
    owners: [mhdawson]
    repos:
      security-wg:
        has_discussions: ${homeDiscussions}
        files:
          .github/agenda-drafter.yml: ${JSON.stringify(CONFIG)}
      node:
        has_discussions: true
`;

async function problemsOf(text: string) {
  const octokit = Sandbox.fromSnapshot(text).octokit();
  const loaded = await loadRepoConfig(octokit, { owner: "nodejs", repo: "security-wg" });
  if (!loaded) throw new Error("no config");
  expect(loaded.problems).toEqual([]);
  return (await discussionSourceProblems(octokit, loaded)).map(formatProblem);
}

const CATEGORIES = "`Announcements`, `General`, `Ideas`, `Polls`, `Q&A`, `Show and tell`";

test("a category none of the scope's repositories has is an error at its entry, naming the closest and the categories there are", async () => {
  expect(await problemsOf(snapshot(true))).toEqual([
    `.github/agenda-drafter.yml:9:44: meetings.typo.sources.discussions.categories[0]: \`Idaes\` is not a discussion category of \`nodejs/security-wg\`, \`nodejs/node\`; did you mean \`Ideas\`? (its categories: ${CATEGORIES})`,
    // An organization's scope: the home repo's categories are the ones checked.
    `.github/agenda-drafter.yml:15:44: meetings.unknown.sources.discussions.categories[0]: \`Budget\` is not a discussion category of \`nodejs/security-wg\` (its categories: ${CATEGORIES})`,
    // From the file's defaults: pinned there.
    `.github/agenda-drafter.yml:4:20: defaults.sources.discussions.categories[0]: \`Agenda\` is not a discussion category of \`nodejs/security-wg\` (its categories: ${CATEGORIES})`,
  ]);
});

test("discussions turned off on the home repo are a warning at sources.discussions; a scope repository's categories still count", async () => {
  const off = "has its discussions turned off: its own discussions cannot be agenda items, other repositories' of the scope can";
  expect(await problemsOf(snapshot(false))).toEqual([
    `.github/agenda-drafter.yml:9:29: warning: meetings.typo.sources.discussions: \`nodejs/security-wg\` ${off}`,
    `.github/agenda-drafter.yml:9:44: meetings.typo.sources.discussions.categories[0]: \`Idaes\` is not a discussion category of \`nodejs/node\`; did you mean \`Ideas\`? (its categories: ${CATEGORIES})`,
    `.github/agenda-drafter.yml:15:29: warning: meetings.unknown.sources.discussions: \`nodejs/security-wg\` ${off}`,
    `.github/agenda-drafter.yml:21:29: warning: meetings.all.sources.discussions: \`nodejs/security-wg\` ${off}`,
    `.github/agenda-drafter.yml:4:7: warning: defaults.sources.discussions: \`nodejs/security-wg\` ${off}`,
  ]);
});

test("an installation without the Discussions permission gets one warning a meeting, and no category is called unknown", async () => {
  const withoutPermission = `${snapshot(true)}installations:\n  - { account: nodejs, permissions: { issues: write, contents: write, checks: write, metadata: read } }\n`;
  const unread = "the app may not read discussions (it needs the Discussions permission, read): the agenda lists issues and pull requests only";
  expect(await problemsOf(withoutPermission)).toEqual([
    `.github/agenda-drafter.yml:9:29: warning: meetings.typo.sources.discussions: ${unread}`,
    `.github/agenda-drafter.yml:15:29: warning: meetings.unknown.sources.discussions: ${unread}`,
    `.github/agenda-drafter.yml:21:29: warning: meetings.all.sources.discussions: ${unread}`,
    `.github/agenda-drafter.yml:4:7: warning: defaults.sources.discussions: ${unread}`,
  ]);
});
