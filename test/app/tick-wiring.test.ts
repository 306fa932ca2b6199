import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { Probot } from "probot";
import { clockFromEnv } from "../../src/app/clock-from-env.js";
import { createAgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import type { TickLock } from "../../src/scheduler/lock.js";
import { INSTALLATION_ID } from "../fixtures/webhooks/node-webhooks.js";
import { API, cleanUp, mockDiscovery, privateKey, TestOctokit } from "./harness.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";

const CRON_SECRET = "a-cron-secret-of-the-nodejs-org";
// A week before the meeting: nothing is due, and a tick only lists the meeting's issues.
const A_WEEK_BEFORE = new Date("2024-03-21T09:00:00Z");

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);
afterAll(() => nock.enableNetConnect());

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** The app loaded in a Probot against nock, with the handlers it adds to Probot's server. */
async function load(options: Omit<Parameters<typeof createAgendaDrafter>[0], "stateSigner">) {
  nock(API).get("/app/installations").query(true).reply(200, []);
  nock(API)
    .persist()
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
  const drafter = createAgendaDrafter({ ...options, stateSigner: TEST_STATE_SIGNER, debounceMs: options.debounceMs ?? 20, now: options.now ?? (() => A_WEEK_BEFORE) });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: TestOctokit });
  const handlers: Handler[] = [];
  await drafter.app(probot, { addHandler: (handler: Handler) => handlers.push(handler), cwd: process.cwd() } as never);
  await drafter.idle();
  return { drafter, handlers };
}

/** One installation, its meeting discovered on the tick, and no issue due yet. */
function mockOneQuietInstallation() {
  nock(API).get("/app/installations").query(true).reply(200, [{ id: INSTALLATION_ID, account: { login: "nodejs" }, suspended_at: null }]);
  mockDiscovery();
  // No comment claim waits to be finished.
  nock(API).get("/repos/nodejs/security-wg/git/matching-refs/agenda-drafter-comments%2F").query(true).reply(200, []);
  // The refresh discovery starts, and the tick's look at what exists.
  return nock(API).get("/repos/nodejs/security-wg/issues").query(true).twice().reply(200, []);
}

/** A lock that records its use, held by someone else while `taken`. */
function recordingLock(taken = false): TickLock & { acquired: number } {
  const lock = {
    acquired: 0,
    async acquire() {
      lock.acquired++;
      return taken ? undefined : { renew: async () => true, release: async () => true };
    },
    close: async () => {},
  };
  return lock;
}

test("a tick before the app is loaded does nothing", async () => {
  expect(await createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER }).tick()).toEqual({ kind: "ran", meetings: [] });
});

test("a tick runs over every installation's meetings, discovering them first, under the lock", async () => {
  const lock = recordingLock();
  const { drafter } = await load({ lock });
  const issues = mockOneQuietInstallation();

  const run = await drafter.tick();
  await drafter.idle();

  expect(run).toEqual({ kind: "ran", meetings: [{ installationId: INSTALLATION_ID, meeting: "nodejs/security-wg security-wg", done: [], skipped: [] }] });
  expect(lock.acquired).toBe(1);
  expect(issues.pendingMocks()).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
});

test("while another replica holds the lock, a tick reads nothing", async () => {
  const { drafter } = await load({ lock: recordingLock(true) });
  expect(await drafter.tick()).toEqual({ kind: "locked" });
});

test("the in-process tick runs every interval until stopped", async () => {
  const lock = recordingLock(true);
  const { drafter } = await load({ lock, tickIntervalMs: 10 });
  while (lock.acquired < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  drafter.stop();
  const ticks = lock.acquired;
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(lock.acquired).toBe(ticks);
});

describe("the cron endpoint", () => {
  let server: Server | undefined;
  afterEach(async () => {
    const serving = server;
    server = undefined;
    if (!serving) return;
    serving.closeAllConnections();
    await new Promise((resolve) => serving.close(resolve));
  });

  async function serve(handlers: Handler[]): Promise<string> {
    nock.enableNetConnect("127.0.0.1");
    server = createServer((request, response) => {
      void (async () => {
        for (const handler of handlers) if (await handler(request, response)) return;
        response.writeHead(404).end();
      })();
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/agenda-drafter/tick`;
  }

  test("is added only with a cron secret", async () => {
    expect((await load({})).handlers).toEqual([]);
  });

  test("runs a tick for a request with the secret, and refuses one without", async () => {
    const { handlers } = await load({ cronSecret: CRON_SECRET, lock: recordingLock() });
    const url = await serve(handlers);
    mockOneQuietInstallation();

    const refused = await fetch(url, { method: "POST", headers: { authorization: "Bearer not-the-secret" } });
    expect(refused.status).toBe(401);
    const ran = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(ran.status).toBe(200);
    expect(await ran.json()).toEqual({ kind: "ran", meetings: [{ installationId: INSTALLATION_ID, meeting: "nodejs/security-wg security-wg", done: [], skipped: [] }] });
  });
});

describe("clockFromEnv", () => {
  const answer = (body: unknown) => (async () => new Response(JSON.stringify(body))) as typeof fetch;

  test("without AGENDA_DRAFTER_CLOCK_URL, is the system clock", () => {
    const now = clockFromEnv({}, answer({ now: "2024-03-28T16:00:00Z" }));
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  test("follows the clock the URL answers, once it has answered", async () => {
    const now = clockFromEnv({ AGENDA_DRAFTER_CLOCK_URL: "http://127.0.0.1:4000/_sandbox/clock" }, answer({ now: "2024-03-28T16:00:00Z" }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(now().toISOString()).toBe("2024-03-28T16:00:00.000Z");
  });

  test("keeps the system clock while the URL answers nonsense or nothing", async () => {
    const nonsense = clockFromEnv({ AGENDA_DRAFTER_CLOCK_URL: "http://127.0.0.1:4000/_sandbox/clock" }, answer({ now: "Thursday" }));
    const failing = clockFromEnv({ AGENDA_DRAFTER_CLOCK_URL: "http://127.0.0.1:4000/_sandbox/clock" }, (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch);
    await new Promise((resolve) => setImmediate(resolve));
    expect(Math.abs(nonsense().getTime() - Date.now())).toBeLessThan(1000);
    expect(Math.abs(failing().getTime() - Date.now())).toBeLessThan(1000);
  });
});
