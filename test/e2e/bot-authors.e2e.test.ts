// An item a bot opened (Dependabot's pull requests are common agenda items) keeps its author as
// REST and search name it, `dependabot[bot]`, wherever the app reads it: GraphQL, which the freeze
// reads the agenda back through, names the bot `dependabot`, another account's login.
import { agendaText, meetingIssue, snapshotWith, stateOf } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

test("a bot's pull request keeps its author through the freeze: the frozen agenda names the same account as the live one", async () => {
  stage = await startDrafter(
    snapshotWith((snapshot) => {
      snapshot.orgs.nodejs.repos["node"]!.issues.push({
        number: 52620,
        title: "build(deps): bump undici from 6.6.0 to 6.6.1",
        pull_request: true,
        labels: ["security-wg-agenda"],
        author: "dependabot[bot]",
        created_at: "2024-03-25T06:00:00Z",
      });
    }),
  );
  const { e2e } = stage;
  expect(agendaText(meetingIssue(e2e))).toContain("build(deps): bump undici from 6.6.0 to 6.6.1");

  e2e.clock.set("2024-03-28T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28"]);
  const frozen = stateOf(meetingIssue(e2e))?.frozen?.groups.flatMap((group) => group.items) ?? [];
  expect(frozen.find((item) => item.number === 52620)?.author).toBe("dependabot[bot]");
});
