import nock from "nock";
import { runEnvironmentFromEnv } from "../../src/cli/run-environment.js";
import { UserError } from "../../src/errors.js";
import { privateKey } from "../app/harness.js";

const GHE_API = "https://ghe.nodejs.example/api/v3";
const credentials = { APP_ID: "834021", PRIVATE_KEY: privateKey, GHE_HOST: "ghe.nodejs.example" };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test("says which credentials are missing, as probot run names them", () => {
  expect(() => runEnvironmentFromEnv({})).toThrow(
    new UserError("Set APP_ID to the GitHub App's id, and PRIVATE_KEY or PRIVATE_KEY_PATH to its private key."),
  );
  expect(() => runEnvironmentFromEnv({ APP_ID: "834021" })).toThrow(
    new UserError("Set PRIVATE_KEY to the GitHub App's private key, or PRIVATE_KEY_PATH to its file."),
  );
  expect(() => runEnvironmentFromEnv({ APP_ID: "834021", PRIVATE_KEY_PATH: "keys/agenda-drafter.pem" })).toThrow(
    /^PRIVATE_KEY_PATH: cannot read "keys\/agenda-drafter\.pem": .*ENOENT: no such file or directory/,
  );
});

test("finds the installation on one repository, on GitHub Enterprise Server with GHE_HOST", async () => {
  nock(GHE_API).get("/repos/nodejs/security-wg/installation").reply(200, { id: 4711, account: { login: "nodejs" } });
  const environment = runEnvironmentFromEnv(credentials);
  const installations = await environment.installations({ owner: "nodejs", repo: "security-wg" });
  expect(installations.map((installation) => installation.installationId)).toEqual([4711]);
  expect(installations[0]?.octokit.request.endpoint.DEFAULTS.baseUrl).toBe(GHE_API);
  expect(nock.pendingMocks()).toEqual([]);
});

test("a repository the app is not installed on has no installation", async () => {
  nock(GHE_API).get("/repos/nodejs/private-notes/installation").reply(404, { message: "Not Found" });
  const environment = runEnvironmentFromEnv(credentials);
  expect(await environment.installations({ owner: "nodejs", repo: "private-notes" })).toEqual([]);
});

test("without a repository, every installation that is not suspended", async () => {
  nock(GHE_API)
    .get("/app/installations")
    .query(true)
    .reply(200, [
      { id: 4711, account: { login: "nodejs" }, suspended_at: null },
      { id: 4712, account: { login: "expressjs" }, suspended_at: "2024-02-01T00:00:00Z" },
    ]);
  const environment = runEnvironmentFromEnv(credentials);
  expect((await environment.installations()).map((installation) => installation.installationId)).toEqual([4711]);
});

test("without AGENDA_DRAFTER_REDIS_URL, the registry and the lock are the process's own, and the clock is the system's", async () => {
  const environment = runEnvironmentFromEnv(credentials);
  expect(await environment.registry.knows(4711)).toBe(false);
  const held = await environment.lock.acquire("agenda-drafter:tick", 1_000);
  expect(held).toBeDefined();
  expect(await environment.lock.acquire("agenda-drafter:tick", 1_000)).toBeUndefined();
  await held?.release();
  expect(Math.abs(environment.now().getTime() - Date.now())).toBeLessThan(1000);
});
