import { Sandbox } from "../src/sandbox.js";
import { startSandboxServer, type SandboxServer } from "../src/server.js";
import { SERVER_SNAPSHOT } from "./server-fixtures.js";

let sandbox: Sandbox;
let server: SandboxServer;

beforeAll(async () => {
  sandbox = Sandbox.fromSnapshot(SERVER_SNAPSHOT);
  server = await startSandboxServer(sandbox, { port: 0 });
});
afterAll(() => server.close());

function clock(body?: unknown) {
  return fetch(`${server.url}/_sandbox/clock`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
}

test("the clock endpoint reads, sets and advances the sandbox clock; every answer's Date follows it", async () => {
  expect(await (await clock()).json()).toEqual({ now: "2024-03-26T09:00:00.000Z" });
  expect(await (await clock({ advance: "PT3H" })).json()).toEqual({ now: "2024-03-26T12:00:00.000Z" });
  expect(await (await clock({ advance: 60_000 })).json()).toEqual({ now: "2024-03-26T12:01:00.000Z" });
  const set = await clock({ now: "2024-03-28T15:00:00Z" });
  expect(await set.json()).toEqual({ now: "2024-03-28T15:00:00.000Z" });
  expect(set.headers.get("date")).toBe("Thu, 28 Mar 2024 15:00:00 GMT");
  expect(sandbox.clock.now().toISOString()).toBe("2024-03-28T15:00:00.000Z");
});

test("a bad clock request says what to send", async () => {
  const response = await clock({ advance: "three hours" });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ message: 'advance: "three hours" is not an ISO 8601 duration such as PT3H' });
});

test("REST lives under /api/v3 and acts as the user of a user:<login> token", async () => {
  const response = await fetch(`${server.url}/api/v3/repos/nodejs/security-private`, { headers: { authorization: "token user:RafaelGSS" } });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ full_name: "nodejs/security-private", permissions: { push: true, admin: false } });
  const outsider = await fetch(`${server.url}/api/v3/repos/nodejs/security-private`, { headers: { authorization: "token user:someone" } });
  expect(outsider.status).toBe(404);
});

test("the engine's own shortcut tokens are not accepted over HTTP: apps authenticate as apps do", async () => {
  const response = await fetch(`${server.url}/api/v3/repos/nodejs/security-wg`, { headers: { authorization: "token installation" } });
  expect(response.status).toBe(401);
});

test("GraphQL at /api/graphql answers a user", async () => {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: "POST",
    headers: { authorization: "bearer user:mhdawson" },
    body: JSON.stringify({ query: "{ viewer { login } }" }),
  });
  expect(await response.json()).toEqual({ data: { viewer: { login: "mhdawson" } } });
});

test("control endpoints answer JSON, also for what they do not know", async () => {
  expect(await (await fetch(`${server.url}/_sandbox/deliveries`)).json()).toEqual([]);
  const unknown = await fetch(`${server.url}/_sandbox/nothing`);
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toEqual({ message: "No sandbox control endpoint GET /_sandbox/nothing" });
});
