// GitHub gives up on a delivery after 10 seconds. Every webhook is answered before the app makes
// any API call for it, also while start-up discovery is still reading the installation's
// repositories: the work runs afterwards, in order per installation.
import nock from "nock";
import { Probot } from "probot";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { INSTALLATION_ID, issuesEvent, pushEvent } from "../fixtures/webhooks/node-webhooks.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";
import { API, cleanUp, privateKey, TestOctokit } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const MARKER = '<!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->';

function commentEvent() {
  const { payload } = issuesEvent("opened", { repo: "nodejs/security-wg", number: 1290, title: "Node.js Security team Meeting 2024-03-28", labels: ["meeting"] });
  return {
    name: "issue_comment" as const,
    id: "delivery-comment-ack",
    payload: {
      ...payload,
      action: "created",
      issue: { ...payload.issue, body: `${MARKER}\n\nAgenda` },
      comment: { id: 77, body: "/agenda refresh", user: payload.sender, html_url: "https://github.com/nodejs/security-wg/issues/1290#issuecomment-77" },
    },
  };
}

/** A gate the test opens; `opened` tells whether GitHub's answer behind it has been given. */
function gate() {
  let open = () => {};
  const state = { answered: false, opened: new Promise<void>((resolve) => (open = resolve)) };
  return { state, open: () => open() };
}

test("comments, pushes and label events are answered while start-up discovery still waits for GitHub, and their work runs afterwards", async () => {
  const discovery = gate();
  nock(API).get("/app/installations").query(true).reply(200, [{ id: INSTALLATION_ID, account: { login: "nodejs" }, suspended_at: null }]);
  nock(API)
    .persist()
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
  const repositories = nock(API)
    .get("/installation/repositories")
    .query(true)
    .reply(async () => {
      await discovery.state.opened;
      discovery.state.answered = true;
      return [200, { total_count: 0, repository_selection: "selected", repositories: [] }];
    });
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER, debounceMs: 20, now: () => new Date("2024-03-26T09:00:00Z") });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });
  await probot.load(drafter.app);

  // Probot's middleware answers a delivery once `receive` resolves.
  await probot.receive(commentEvent() as never);
  await probot.receive(pushEvent("nodejs/security-wg", { ref: "refs/heads/main", after: "a".repeat(40), modified: [".github/agenda-drafter.yml"] }) as never);
  await probot.receive(
    issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" }) as never,
  );
  expect(discovery.state.answered).toBe(false);

  discovery.open();
  await drafter.idle();
  expect(discovery.state.answered).toBe(true);
  expect(repositories.pendingMocks()).toEqual([]);
});

test("a webhook whose work fails after its answer is logged as one line naming the delivery", async () => {
  nock(API).get("/app/installations").query(true).reply(200, []);
  nock(API).post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
  nock(API).get("/installation/repositories").query(true).reply(500, { message: "Server Error" });
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER, debounceMs: 20, now: () => new Date("2024-03-26T09:00:00Z") });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });
  await probot.load(drafter.app);
  await drafter.idle();
  const errors: string[] = [];
  probot.log.error = ((message: string) => void errors.push(message)) as never;

  await probot.receive(
    issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" }) as never,
  );
  await drafter.idle();
  expect(errors).toEqual([expect.stringMatching(/^webhook issues\.labeled delivery-labeled-52575 failed: GitHub answered 500/)]);
});
