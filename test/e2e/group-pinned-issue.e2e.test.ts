// The meeting issue is easy to find: with `issue.pin`, the current meeting issue is pinned as soon
// as it is created, whichever path creates it (here a label's webhook), and the meeting's earlier
// one unpinned; the tick pins one it finds unpinned; and when GitHub's three pin slots are all
// taken by other issues, the group is told so once, where it looks.
import { HOME, meetingIssues } from "./live-issue-app.js";
import { PINNING_SNAPSHOT } from "./pinning-snapshot.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

let stage: DrafterStage;
beforeAll(async () => {
  stage = await startDrafter(PINNING_SNAPSHOT);
});
afterAll(async () => stage?.e2e.close());

function pinned(): number[] {
  return stage.e2e.sandbox.state.repos.get(HOME)?.pinnedIssues ?? [];
}

function pinChecks() {
  return stage.e2e.sandbox.state.repos.get(HOME)?.checkRuns.filter((run) => run.name === "agenda-drafter issue") ?? [];
}

async function pinAs(login: string, number: number, mutation: "pinIssue" | "unpinIssue" = "pinIssue") {
  const id = stage.e2e.issue(HOME, number).nodeId;
  await stage.e2e.as(login).graphql(`mutation ($id: ID!) { ${mutation}(input: { issueId: $id }) { issue { number } } }`, { id });
}

async function label(repo: string, number: number) {
  await stage.e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo, issue_number: number, labels: ["security-wg-agenda"] });
  await stage.e2e.settle();
}

test("when other issues take GitHub's three pin slots, the issue a webhook creates is reported once, and the tick pins it once a slot is free", async () => {
  const { e2e } = stage;
  expect(meetingIssues(e2e)).toEqual([]);
  for (const number of [1255, 1236, 1263]) await pinAs("mhdawson", number);
  e2e.clock.set("2024-03-26T17:00:00Z");
  await label("node", 52575);
  const [first] = meetingIssues(e2e);
  expect(first).toBeDefined();
  expect(pinned()).toEqual([1255, 1236, 1263]);
  const summary = `The meeting issue #${first!.number} of \`security-wg\` could not be pinned: GitHub pins at most three issues in a repository, and #1255, #1236, #1263 are pinned. Unpin one of them (the app pins the meeting issue on its next tick), or set \`issue.pin: false\`.`;
  expect(pinChecks().map((run) => [run.conclusion, run.output.summary])).toEqual([["neutral", summary]]);
  // Neither a later refresh nor the tick says it again.
  await label("undici", 3054);
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(pinChecks()).toHaveLength(1);

  await pinAs("mhdawson", 1263, "unpinIssue");
  await e2e.settle();
  expect(stepsDone(await stage.tick())).toEqual(["pin-issue 2024-03-28"]);
  expect(pinned()).toEqual([1255, 1236, first!.number]);
  // Stated from what is pinned: the next tick changes nothing.
  expect(stepsDone(await stage.tick())).toEqual([]);
});

test("the next occurrence's issue, created by a label's webhook, is pinned at once and the earlier one unpinned; people's pins stay", async () => {
  const { e2e } = stage;
  const [first] = meetingIssues(e2e);
  e2e.clock.set("2024-03-28T17:05:00Z");
  await stage.tick();
  e2e.clock.set("2024-04-09T17:00:00Z");
  await label("node", 52459);
  const second = meetingIssues(e2e).find((issue) => issue.title === "Node.js Security team Meeting 2024-04-11");
  expect(second).toBeDefined();
  expect(pinned()).toEqual([1255, 1236, second!.number]);
  expect(e2e.issue(HOME, first!.number).state).toBe("open");
  // The tick closes the earlier issue; what is pinned is already as it should be.
  expect(stepsDone(await stage.tick())).toEqual(["close-issue 2024-03-28 for 2024-04-11"]);
  expect(pinned()).toEqual([1255, 1236, second!.number]);
  expect(pinChecks()).toHaveLength(1);
  // GitHub's issues.pinned and issues.unpinned webhooks reach the app and change nothing else.
  const actions = e2e.deliveries().map((delivery) => `${delivery.event}.${delivery.action}`);
  expect(actions).toEqual(expect.arrayContaining(["issues.pinned", "issues.unpinned"]));
  expect(e2e.issue(HOME, 1255).state).toBe("open");
});
