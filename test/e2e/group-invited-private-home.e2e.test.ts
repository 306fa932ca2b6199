// The invited teams' privacy rule is applied again when the minutes are written: a home repo that
// was private at the freeze, whose frozen agenda lists every member of the team, and is made public
// before the minutes, gets minutes that count, not name, the members whose org membership is private.
import { HOME, meetingIssue } from "./live-issue-app.js";
import { invitedTeamsSnapshot } from "./invited-teams-snapshot.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";
import { parseBody } from "../../src/publish/issue-body.js";

const [OWNER = "", REPO = ""] = HOME.split("/");
const MINUTES_BRANCH = "agenda-drafter/security-wg/2024-03-28";

let stage: DrafterStage;
afterAll(async () => stage?.e2e.close());

test("a home repo made public after the freeze gets minutes that name only the members whose org membership is public", async () => {
  stage = await startDrafter(invitedTeamsSnapshot({ private: true }));
  const { e2e } = stage;
  // Private: the issue lists the team's members all, the one whose membership is private too.
  expect(parseBody(meetingIssue(e2e).body).agenda).toContain("UlisesGascon");
  e2e.clock.set("2024-03-28T16:30:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);

  await e2e.as("mhdawson").rest.repos.update({ owner: OWNER, repo: REPO, private: false });
  await e2e.settle();
  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["open-minutes 2024-03-28"]);
  const minutes = e2e.file(HOME, "meetings/2024-03-28.md", MINUTES_BRANCH) ?? "";
  expect(minutes).toContain("Rafael Gonzaga (@\u200BRafaelGSS)");
  expect(minutes).toContain("*And 1 more whose membership of the org is private.*");
  expect(minutes).not.toContain("UlisesGascon");
});
