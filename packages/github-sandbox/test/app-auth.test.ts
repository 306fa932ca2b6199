import { createSign } from "node:crypto";
import { Probot } from "probot";
import { InstallationTokens } from "../src/app-auth/installation-tokens.js";
import { Sandbox } from "../src/sandbox.js";
import type { SandboxState } from "../src/state.js";
import { startSandboxServer, type SandboxServer } from "../src/server.js";
import { appKeyPair, SERVER_SNAPSHOT } from "./server-fixtures.js";

const APP_ID = 834021;
const keys = appKeyPair();
const otherKeys = appKeyPair();
let sandbox: Sandbox;
let server: SandboxServer;

beforeAll(async () => {
  sandbox = Sandbox.fromSnapshot(SERVER_SNAPSHOT);
  server = await startSandboxServer(sandbox, { port: 0, app: { id: APP_ID, privateKey: keys.privateKey } });
});
afterAll(() => server.close());

/** A JWT as @octokit/auth-app makes one, with claims relative to the sandbox clock. */
function jwt(claims: { iss?: unknown; iatOffset?: number; expOffset?: number }, privateKey = keys.privateKey): string {
  const now = Math.floor(sandbox.clock.now().getTime() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
  const payload = Buffer.from(
    JSON.stringify({ iat: now + (claims.iatOffset ?? -30), exp: now + (claims.expOffset ?? 570), iss: claims.iss ?? APP_ID }),
  ).toString("base64url");
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

async function getApp(token: string) {
  const response = await fetch(`${server.url}/api/v3/app`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("a JWT signed with the app's key, within ten minutes of the sandbox clock, is accepted", async () => {
  const { status, body } = await getApp(jwt({}));
  expect(status).toBe(200);
  expect(body).toMatchObject({ id: APP_ID, slug: "agenda-drafter", installations_count: 2 });
});

test.each([
  ["expired", () => jwt({ iatOffset: -700, expOffset: -100 }), "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"],
  ["valid too long", () => jwt({ iatOffset: 0, expOffset: 3600 }), "'Expiration time' claim ('exp') is too far in the future"],
  ["issued in the future", () => jwt({ iatOffset: 120, expOffset: 300 }), "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"],
  ["signed with another key", () => jwt({}, otherKeys.privateKey), "A JSON web token could not be decoded"],
  ["of another app", () => jwt({ iss: 1 }), "A JSON web token could not be decoded"],
  ["not a JWT", () => "not-a-jwt", "A JSON web token could not be decoded"],
])("a JWT %s gets GitHub's 401", async (_case, makeToken, message) => {
  const { status, body } = await getApp(makeToken());
  expect(status).toBe(401);
  expect(body).toEqual({ message, documentation_url: "https://docs.github.com/rest", status: "401" });
});

test("app endpoints refuse a REST API version GitHub does not serve, as the rest of the API does", async () => {
  const asking = (version: string) => fetch(`${server.url}/api/v3/app`, { headers: { authorization: `Bearer ${jwt({})}`, "x-github-api-version": version } });
  expect((await asking("2026-03-10")).status).toBe(200);
  const refused = await asking("2099-01-01");
  expect([refused.status, ((await refused.json()) as { message: string }).message]).toEqual([
    400,
    'The version you specified in the "X-GitHub-API-Version" request header, "2099-01-01", is not a supported version. The following versions are currently supported: "2026-03-10" (most recent), "2022-11-28".',
  ]);
});

test("app endpoints and the API need credentials; made-up tokens are refused", async () => {
  expect((await fetch(`${server.url}/api/v3/app/installations`)).status).toBe(401);
  const repo = await fetch(`${server.url}/api/v3/repos/nodejs/security-wg`, { headers: { authorization: "token ghs_madeup" } });
  expect(repo.status).toBe(401);
  expect(await repo.json()).toMatchObject({ message: "Bad credentials" });
  const graphql = await fetch(`${server.url}/api/graphql`, { method: "POST", body: JSON.stringify({ query: "{ viewer { login } }" }) });
  expect(graphql.status).toBe(401);
});

test("a real Probot authenticates as the app, gets an installation token and uses REST and GraphQL with it", async () => {
  // The sandbox clock is in 2024: Probot's first JWT is refused, and auth-app corrects it by the `Date` header.
  const probot = new Probot({ appId: APP_ID, privateKey: keys.privateKey, baseUrl: `${server.url}/api/v3`, logLevel: "fatal" });
  const appOctokit = await probot.auth();
  const { data: installations } = await appOctokit.rest.apps.listInstallations();
  expect(installations.map((installation) => [installation.id, installation.account?.login])).toEqual([
    [4001, "nodejs"],
    [4002, "openjs-foundation"],
  ]);
  const { data: repoInstallation } = await appOctokit.rest.apps.getRepoInstallation({ owner: "nodejs", repo: "security-wg" });
  expect(repoInstallation.id).toBe(4001);

  const octokit = await probot.auth(4002);
  const { data: repo } = await octokit.rest.repos.get({ owner: "openjs-foundation", repo: "cross-project-council" });
  expect(repo.full_name).toBe("openjs-foundation/cross-project-council");
  const { search } = await octokit.graphql<{ search: { issueCount: number } }>(
    `query { search(type: ISSUE, query: "label:security-wg-agenda", first: 10) { issueCount } }`,
  );
  // Installation 4002 sees only its own repository.
  expect(search.issueCount).toBe(1);
});

test("an installation token lives an hour of real time, as GitHub's do, however far the sandbox clock moves", async () => {
  const created = await fetch(`${server.url}/api/v3/app/installations/4001/access_tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt({})}` },
  });
  expect(created.status).toBe(201);
  const { token, expires_at } = (await created.json()) as { token: string; expires_at: string };
  expect(token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
  expect(Math.abs(Date.parse(expires_at) - (Date.now() + 60 * 60 * 1000))).toBeLessThan(5000);
  const read = () => fetch(`${server.url}/api/v3/repos/nodejs/security-wg`, { headers: { authorization: `token ${token}` } });
  expect((await read()).status).toBe(200);
  sandbox.clock.advance(24 * 60 * 60 * 1000);
  expect((await read()).status).toBe(200);
});

test("a request fault on the token mint fails it as GitHub's would, then minting goes on", async () => {
  sandbox.faults.add([{ route: "POST /app/installations/{installation_id}/access_tokens", kind: "secondary-rate-limit", retryAfter: 3 }]);
  const mint = () => fetch(`${server.url}/api/v3/app/installations/4001/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${jwt({})}` } });
  try {
    const refused = await mint();
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe("3");
    expect(((await refused.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    expect((await mint()).status).toBe(201);
  } finally {
    sandbox.faults.clear();
  }
});

test("an installation token is refused once its real hour is over", () => {
  let wallClock = Date.parse("2026-01-01T00:00:00Z");
  const tokens = new InstallationTokens(() => wallClock);
  const state = { installations: [{ id: 4001 }] } as unknown as SandboxState;
  const { token } = tokens.issue(4001);
  wallClock += 60 * 60 * 1000 - 1;
  expect(tokens.installationOf(token, state.installations)?.id).toBe(4001);
  wallClock += 1;
  expect(tokens.installationOf(token, state.installations)).toBeUndefined();
});
