// Invited teams, shown: the meeting issue lists an invited team's members (name and login) without
// pinging anyone, keeps the list current as the team changes, pings the invited once when the
// meeting asks for it, and names a team it cannot read in the config check.
import { HOME, meetingIssue } from "./live-issue-app.js";
import { CONFIG_PATH, INVITED_TEAMS_SNAPSHOT, PUBLIC_MEMBERS } from "./invited-teams-snapshot.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { allNodes, describeWithCmarkGfm, GITHUB_TEXT_RULES, renderGitHubMarkdown, textRuns } from "../render/github-rendering.js";

let stage: DrafterStage;
beforeAll(async () => {
  stage = await startDrafter(INVITED_TEAMS_SNAPSHOT);
});
afterAll(async () => stage?.e2e.close());

test("the issue lists the team's public members, escaped, under the agenda's Invited members; the one ping is the new issue's cc line", async () => {
  const issue = meetingIssue(stage.e2e);
  const agenda = parseBody(issue.body).agenda ?? "";
  expect(agenda).toContain(`### Invited members\n\n${PUBLIC_MEMBERS}`);
  expect(agenda).not.toContain("UlisesGascon");
  expect(issue.body).toContain("## Invited\n\n* @\u200Bnodejs/security-wg\n* @\u200Bnodejs/security-wgg\n");
  expect(issue.body?.match(/^cc .*$/gm)).toEqual(["cc @nodejs/security-wg @nodejs/security-wgg"]);
});

test("a team the app cannot read is a warning in the config check, with its file, line and key; the rest of the issue is written", async () => {
  const checks = stage.e2e.sandbox.state.repos.get(HOME)?.checkRuns.filter((run) => run.name === "agenda-drafter config") ?? [];
  const summary = checks.at(-1)?.output.summary ?? "";
  expect(summary).toContain(
    `${CONFIG_PATH}:8:9: warning: meetings.security-wg.invited[1]: \`@nodejs/security-wgg\` is not a team the app can read`,
  );
  expect(checks.at(-1)?.conclusion).toBe("success");
});

test("a member added to the team joins the list by the membership webhook, the tick repairs a lost one, and neither pings again", async () => {
  const { e2e } = stage;
  const number = meetingIssue(e2e).number;
  const comments = e2e.comments(HOME, number).length;
  await e2e.as("mhdawson").rest.teams.addOrUpdateMembershipForUserInOrg({ org: "nodejs", team_slug: "security-wg", username: "mhdawson" });
  await e2e.settle();
  const after = e2e.issue(HOME, number).body ?? "";
  expect(parseBody(after).agenda).toContain("* Michael Dawson (@\u200Bmhdawson)\n\n* Rafael Gonzaga (@\u200BRafaelGSS)\n");
  // A change whose webhook never came: the tick's refresh lists the team as it is.
  e2e.sandbox.state.orgs.get("nodejs")?.teams.get("security-wg")?.members.delete("mhdawson");
  expect(stepsDone(await stage.tick())).toEqual([]);
  const repaired = e2e.issue(HOME, number).body ?? "";
  expect(parseBody(repaired).agenda).toContain(`### Invited members\n\n${PUBLIC_MEMBERS}`);
  expect(repaired.match(/^cc .*$/gm)).toHaveLength(1);
  expect(e2e.comments(HOME, number)).toHaveLength(comments);
});

describeWithCmarkGfm("the invited members as GitHub renders them", () => {
  test("no member and no team is a live mention in the agenda", async () => {
    const agenda = parseBody(meetingIssue(stage.e2e).body).agenda ?? "";
    const nodes = allNodes(await renderGitHubMarkdown(agenda));
    const mentions = nodes.flatMap((node) => textRuns(node.children)).filter((text) => GITHUB_TEXT_RULES["mention"]!.test(text));
    expect(mentions).toEqual([]);
  });
});

test("the minutes list the team's members as they were at the freeze, under the same rule: a later change does not rewrite them", async () => {
  const { e2e } = stage;
  e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  await e2e.as("mhdawson").rest.teams.addOrUpdateMembershipForUserInOrg({ org: "nodejs", team_slug: "security-wg", username: "mhdawson" });
  await e2e.settle();
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", "agenda-drafter/security-wg/2024-03-28") ?? "";
  expect(minutes).toContain(`## Invited members\n\n${PUBLIC_MEMBERS}`);
  expect(minutes).not.toContain("mhdawson");
  expect(minutes).not.toContain("UlisesGascon");
});

test("the next occurrence's issue, whose create answer was lost, is created once and pings once", async () => {
  const { e2e } = stage;
  e2e.clock.set("2024-03-28T17:05:00Z");
  await stage.tick();
  e2e.failRequests({ route: "POST /repos/{owner}/{repo}/issues", kind: "lost-response", times: 1 });
  e2e.clock.set("2024-04-08T16:00:00Z");
  expect(stepsDone(await stage.tick())).toContain("create-issue 2024-04-11");
  const created = e2e.issues(HOME).filter((issue) => issue.title === "Node.js Security team Meeting 2024-04-11");
  expect(created).toHaveLength(1);
  expect(created[0]?.body?.match(/^cc .*$/gm)).toEqual(["cc @nodejs/security-wg @nodejs/security-wgg"]);
});
