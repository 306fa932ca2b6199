// Several features act on some events (a push may change a config and merge minutes; a pull
// request's opening may put it on an agenda and change a config): one delivery still runs one
// handler of the app, which runs each feature once, so that its work is queued and its requests
// counted once.
import nock from "nock";
import { Probot } from "probot";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { INSTALLATION_ID, issuesEvent, pullRequestEvent, pushEvent } from "../fixtures/webhooks/node-webhooks.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";
import { API, cleanUp, privateKey, TestOctokit } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const item = { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"], headSha: "b".repeat(40) };

test.each([
  ["push", pushEvent("nodejs/security-wg", { ref: "refs/heads/main", after: "a".repeat(40), modified: ["README.md"] })],
  ["pull_request.opened", pullRequestEvent("opened", item)],
  ["pull_request.reopened", pullRequestEvent("reopened", item)],
  ["pull_request.synchronize", pullRequestEvent("synchronize", item)],
  ["pull_request.closed", pullRequestEvent("closed", { ...item, state: "closed" })],
  ["issues.labeled", issuesEvent("labeled", item, { label: "security-wg-agenda" })],
])("a %s delivery runs one handler of the app", async (_event, delivery) => {
  const scope = nock(API)
    .get("/app/installations")
    .query(true)
    .reply(200, [])
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" })
    .get("/installation/repositories")
    .query(true)
    .reply(200, { total_count: 0, repository_selection: "selected", repositories: [] });
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER, debounceMs: 20, now: () => new Date("2024-03-26T09:00:00Z") });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });
  const runs: string[] = [];
  const on = probot.on.bind(probot);
  probot.on = ((events: string | string[], handler: (event: { id: string }) => unknown) =>
    on(events as never, (event: { id: string }) => (runs.push(event.id), handler(event)))) as typeof probot.on;
  await probot.load(drafter.app);

  await probot.receive(delivery as never);
  await drafter.idle();
  expect(runs).toEqual([delivery.id]);
  expect(scope.pendingMocks()).toEqual([]);
});
