// A hung GitHub response must not hold a meeting's work for minutes: every request the app makes
// has a deadline (AGENDA_DRAFTER_REQUEST_TIMEOUT_MS, 30 s by default).
import nock from "nock";
import { Probot } from "probot";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { issuesEvent, INSTALLATION_ID } from "../fixtures/webhooks/node-webhooks.js";
import { API, cleanUp, privateKey, TestOctokit } from "./harness.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

test("a GitHub response that hangs fails the request once its deadline passes", async () => {
  nock(API).get("/app/installations").query(true).reply(200, []);
  nock(API).post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
  // The first read of a new installation's repositories hangs for a minute.
  const hung = nock(API).get("/installation/repositories").query(true).delay(60_000).reply(200, { total_count: 0, repositories: [] });
  const drafter = createAgendaDrafter({ debounceMs: 20, now: () => new Date("2024-03-26T09:00:00Z"), requestTimeoutMs: 200, stateSigner: TEST_STATE_SIGNER });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });
  await probot.load(drafter.app);
  await drafter.idle();

  const started = Date.now();
  const event = issuesEvent("labeled", { repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", labels: ["security-wg-agenda"] }, { label: "security-wg-agenda" });
  const errors: string[] = [];
  probot.log.error = ((message: string) => void errors.push(message)) as never;
  await probot.receive(event as never);
  await drafter.idle();
  expect(errors).toEqual([expect.stringContaining("GitHub did not answer within 200 ms")]);
  // Failed before the hung answer would have come.
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(hung.isDone()).toBe(true);
}, 20_000);
