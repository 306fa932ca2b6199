// A team of thousands of members is listed as far as GitHub's 65,536 characters allow: the live
// issue names the first members and counts the rest, and keeps every agenda item.
import { HOME, agendaItems, meetingIssue } from "./live-issue-app.js";
import { INVITED_TEAMS_SNAPSHOT } from "./invited-teams-snapshot.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { parseBody } from "../../src/publish/issue-body.js";

const JOINED = 2_000;
/** The app reads at most 20 pages of 100 members a team. */
const READ = 2_000;

let stage: DrafterStage;
afterAll(async () => stage?.e2e.close());

/** People who join the org, its team and make their membership public, with names as long as many are. */
function joinTeam(count: number): void {
  const { state } = stage.e2e.sandbox;
  const org = state.orgs.get("nodejs")!;
  const team = org.teams.get("security-wg")!;
  for (let index = 0; index < count; index++) {
    const login = `contributor-${String(index).padStart(4, "0")}`;
    state.users.set(login, { id: 900_000 + index, nodeId: `U_large${index}`, login, name: `Contributor Number ${index} of the Security Team`, type: "User", createdAt: "2020-01-01T00:00:00Z" });
    org.members.add(login);
    org.publicMembers.add(login);
    team.members.add(login);
  }
}

test("the live issue lists as many of a large team's members as fit, counts the rest, and keeps its agenda items", async () => {
  stage = await startDrafter(INVITED_TEAMS_SNAPSHOT);
  const { e2e } = stage;
  const items = agendaItems(meetingIssue(e2e));
  joinTeam(JOINED);
  expect(stepsDone(await stage.tick())).toEqual([]);

  const body = meetingIssue(e2e).body ?? "";
  expect(body.length).toBeLessThanOrEqual(65_536);
  expect(agendaItems(meetingIssue(e2e))).toEqual(items);
  const agenda = parseBody(body).agenda ?? "";
  const listed = agenda.match(/^\* .* \(@\u200B[\w-]+\)$/gm) ?? [];
  const unlisted = Number(/\*And (\d+) more, not listed: GitHub's limit on a body's length leaves no room for them\.\*/.exec(agenda)?.[1]);
  expect(listed.length).toBeGreaterThan(500);
  // Each member read is listed or counted.
  expect(listed.length + unlisted).toBe(READ);
  expect(e2e.issue(HOME, meetingIssue(e2e).number).body).toBe(body);
});
