// A pin is a courtesy: when GitHub fails it right after the meeting issue is created (a 502 that
// outlasts Probot's retries), the refresh that wrote a correct issue does not fail nor run again;
// the failure is one error line and counted, and the next tick pins the issue. A tick that creates
// the issue asks which issues are pinned once, in the refresh that created it.
import { jest } from "@jest/globals";
import type { ApiRequest } from "@agenda-drafter/github-sandbox";
import { HOME, meetingIssues } from "./live-issue-app.js";
import { PINNING_SNAPSHOT } from "./pinning-snapshot.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const CREATE_ISSUE = `/repos/${HOME}/issues`;

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

function pinned(): number[] {
  return stage.e2e.sandbox.state.repos.get(HOME)?.pinnedIssues ?? [];
}

/** The app's lines at `level` from now on. */
function lines(level: "warn" | "error"): string[] {
  const seen: string[] = [];
  jest.spyOn(stage.e2e.probot.log, level).mockImplementation(((message: unknown) => void seen.push(String(message))) as never);
  return seen;
}

test("a pin that GitHub fails right after the create fails nothing: one error line, counted, and the next tick pins the issue", async () => {
  stage = await startDrafter(PINNING_SNAPSHOT);
  const { e2e } = stage;
  const warnings = lines("warn");
  const errors = lines("error");
  // From the create on, GraphQL answers 502s, more than Probot retries: the next GraphQL request is the pin's.
  e2e.onApiRequest((request: ApiRequest) => {
    if (request.method === "POST" && request.path === CREATE_ISSUE) e2e.failRequests({ route: "POST /graphql", kind: "server-error", times: 4 });
  });
  e2e.clock.set("2024-03-26T17:00:00Z");
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "node", issue_number: 52575, labels: ["security-wg-agenda"] });
  await e2e.settle();

  const [issue] = meetingIssues(e2e);
  expect(issue?.body).toContain("[#52575](https://github.com/nodejs/node/issues/52575)");
  expect(e2e.requestFaults()).toMatchObject([{ fired: 4 }]);
  expect(pinned()).toEqual([]);
  expect(warnings.filter((message) => /the refresh failed/.test(message))).toEqual([]);
  expect(errors).toEqual([expect.stringMatching(new RegExp(`^${HOME}#${issue!.number} could not be pinned \\(GitHub answered 502 .*\\); the next tick pins it$`))]);
  expect((await stage.metrics.errors.get()).values).toEqual([{ labels: { where: "pin" }, value: 1 }]);

  e2e.clock.advance("PT5M");
  expect(stepsDone(await stage.tick())).toEqual(["pin-issue 2024-03-28"]);
  expect(pinned()).toEqual([issue!.number]);
});

test("a tick that creates the issue pins it with one query of what is pinned", async () => {
  stage = await startDrafter(PINNING_SNAPSHOT);
  const { e2e } = stage;
  const graphql: string[] = [];
  let created = false;
  e2e.onApiRequest((request: ApiRequest) => {
    if (request.method === "POST" && request.path === CREATE_ISSUE) created = true;
    else if (created && request.path === "/graphql") graphql.push(request.path);
  });
  e2e.clock.set("2024-03-26T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-03-28"]);
  const [issue] = meetingIssues(e2e);
  expect(pinned()).toEqual([issue!.number]);
  // What is pinned, then the pin.
  expect(graphql).toHaveLength(2);
});
