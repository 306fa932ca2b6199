// The meeting issue is easy to find: with `issue.pin`, the tick pins the current meeting issue and
// unpins the meeting's earlier one, and says so where the group looks when GitHub's three pin
// slots are all taken by other issues.
import { HOME, meetingIssues, snapshotWith } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const SNAPSHOT = snapshotWith((snapshot) => {
  const files = snapshot.orgs.nodejs.repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  files[".github/agenda-drafter.yml"] = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    issue: { pin: true }
`;
});

let stage: DrafterStage;
beforeAll(async () => {
  stage = await startDrafter(SNAPSHOT);
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

test("when other issues take GitHub's three pin slots, the issue check says so once, and the tick pins the meeting issue once a slot is free", async () => {
  const { e2e } = stage;
  for (const number of [1255, 1236, 1263]) await pinAs("mhdawson", number);
  const [first] = meetingIssues(e2e);
  expect(stepsDone(await stage.tick())).toEqual([]);
  expect(pinned()).toEqual([1255, 1236, 1263]);
  expect(pinChecks().map((run) => [run.conclusion, run.output.summary])).toEqual([
    [
      "neutral",
      `The meeting issue #${first!.number} of \`security-wg\` could not be pinned: GitHub pins at most three issues in a repository, and #1255, #1236, #1263 are pinned. Unpin one of them (the app pins the meeting issue on its next tick), or set \`issue.pin: false\`.`,
    ],
  ]);
  await stage.tick();
  expect(pinChecks()).toHaveLength(1);

  await pinAs("mhdawson", 1263, "unpinIssue");
  await e2e.settle();
  expect(stepsDone(await stage.tick())).toEqual(["pin-issue 2024-03-28"]);
  expect(pinned()).toEqual([1255, 1236, first!.number]);
  // Stated from what is pinned: the next tick changes nothing.
  expect(stepsDone(await stage.tick())).toEqual([]);
});

test("the next occurrence's issue is pinned and the earlier one, closed, unpinned; people's pins stay", async () => {
  const { e2e } = stage;
  const [first] = meetingIssues(e2e);
  e2e.clock.set("2024-03-28T17:05:00Z");
  await stage.tick();
  e2e.clock.set("2024-04-08T16:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-04-11", "close-issue 2024-03-28 for 2024-04-11", "pin-issue 2024-04-11"]);
  const second = meetingIssues(e2e).find((issue) => issue.title === "Node.js Security team Meeting 2024-04-11");
  expect(e2e.issue(HOME, first!.number).state).toBe("closed");
  expect(pinned()).toEqual([1255, 1236, second!.number]);
  // GitHub's issues.pinned and issues.unpinned webhooks reach the app and change nothing else.
  const actions = e2e.deliveries().map((delivery) => `${delivery.event}.${delivery.action}`);
  expect(actions).toEqual(expect.arrayContaining(["issues.pinned", "issues.unpinned"]));
  expect(e2e.issue(HOME, 1255).state).toBe("open");
});
