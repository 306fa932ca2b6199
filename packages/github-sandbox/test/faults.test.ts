import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Sandbox } from "../src/sandbox.js";
import { startSandboxServer, type SandboxServer } from "../src/server.js";
import { SERVER_SNAPSHOT } from "./server-fixtures.js";

// Request faults: the sandbox fails requests on purpose, as GitHub sometimes does.

const COMMENTS = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const COMMENTS_URL = "/api/v3/repos/nodejs/security-wg/issues/1255/comments";

let sandbox: Sandbox;
let server: SandboxServer;
let hooks: Server;
let webhooks: string[];

beforeEach(async () => {
  webhooks = [];
  hooks = createServer((request, response) => {
    request.resume().on("end", () => {
      webhooks.push(String(request.headers["x-github-event"]));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  sandbox = Sandbox.fromSnapshot(SERVER_SNAPSHOT);
  const url = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/`;
  server = await startSandboxServer(sandbox, { port: 0, webhook: { url, secret: "s" } });
});
afterEach(async () => {
  await server.close();
  await new Promise((resolve) => hooks.close(resolve));
});

/** The app's comment (an installation token, as the in-process engine names it), or a person's. */
function comment(token = "installation", init: RequestInit = {}) {
  return sandbox.fetch(`http://sandbox.invalid${COMMENTS_URL}`, {
    method: "POST",
    headers: { authorization: `token ${token}` },
    body: JSON.stringify({ body: "hello" }),
    ...init,
  });
}

async function control(method: string, body?: unknown) {
  const response = await fetch(`${server.url}/_sandbox/faults`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as unknown };
}

const comments = () => sandbox.state.repos.get("nodejs/security-wg")?.issues.get(1255)?.comments.length ?? 0;

test.each([500, 502, 503] as const)("a server error %i is answered once, then the request goes through", async (status) => {
  sandbox.faults.add([{ route: COMMENTS, kind: "server-error", status }]);
  const failed = await comment();
  expect(failed.status).toBe(status);
  expect(await failed.json()).toEqual({ message: "Server Error" });
  expect(comments()).toBe(0);
  expect((await comment()).status).toBe(201);
  expect(sandbox.faults.list()).toMatchObject([{ seen: 2, fired: 1 }]);
});

test("a secondary rate limit answers 403 with GitHub's message, with or without retry-after; or 429", async () => {
  sandbox.faults.add([
    { route: COMMENTS, kind: "secondary-rate-limit", retryAfter: 30 },
    { route: COMMENTS, kind: "secondary-rate-limit", nth: 2 },
    { route: COMMENTS, kind: "secondary-rate-limit", status: 429, nth: 3, retryAfter: 5 },
  ]);
  const withRetryAfter = await comment();
  expect(withRetryAfter.status).toBe(403);
  expect(withRetryAfter.headers.get("retry-after")).toBe("30");
  expect(withRetryAfter.headers.get("x-ratelimit-remaining")).not.toBe("0");
  expect(((await withRetryAfter.json()) as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);
  const without = await comment();
  expect([without.status, without.headers.get("retry-after")]).toEqual([403, null]);
  const tooMany = await comment();
  expect([tooMany.status, tooMany.headers.get("retry-after")]).toEqual([429, "5"]);
  expect(comments()).toBe(0);
});

test("a primary rate limit answers with x-ratelimit-remaining 0 and a reset in real time", async () => {
  sandbox.faults.add([{ route: COMMENTS, kind: "rate-limit", resetAfter: 60, times: 2 }]);
  const limited = await comment();
  expect(limited.status).toBe(403);
  expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
  expect(Number(limited.headers.get("x-ratelimit-reset")) - Date.now() / 1000).toBeGreaterThan(55);
  expect(await limited.json()).toMatchObject({ message: "API rate limit exceeded for installation ID 4001,4002." });
  expect((await comment()).status).toBe(403);
  expect((await comment()).status).toBe(201);
});

test("a 429 primary limit, and a 422 with errors that passes the operation's OpenAPI description", async () => {
  sandbox.faults.add([
    { route: COMMENTS, kind: "rate-limit", status: 429 },
    { route: COMMENTS, kind: "validation-failed", nth: 2, errors: [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long" }] },
  ]);
  expect((await comment()).status).toBe(429);
  const refused = await comment();
  expect(refused.status).toBe(422);
  expect(await refused.json()).toMatchObject({ message: "Validation Failed", errors: [{ field: "body", message: "body is too long" }] });
});

test("a lost response: the comment is made and its webhook sent, the client sees 502", async () => {
  sandbox.faults.add([{ route: COMMENTS, kind: "lost-response" }]);
  const lost = await comment();
  expect(lost.status).toBe(502);
  await server.settled();
  expect(comments()).toBe(1);
  expect(webhooks).toEqual(["issue_comment"]);
});

test("a delay answers late; the nth request and the next N are chosen by count", async () => {
  sandbox.faults.add([{ route: COMMENTS, kind: "delay", ms: 150, nth: 2, times: 2 }]);
  // Which requests were delayed is read from the fault's own count, not from a clock: only the
  // lower bound of a delayed answer's time is certain on a loaded machine.
  const delayedSoFar = () => sandbox.faults.list()[0]?.fired;
  const timed = async () => {
    const started = Date.now();
    expect((await comment()).status).toBe(201);
    return { delayed: delayedSoFar(), ms: Date.now() - started };
  };
  expect((await timed()).delayed).toBe(0);
  const second = await timed();
  expect(second).toMatchObject({ delayed: 1 });
  expect(second.ms).toBeGreaterThanOrEqual(145);
  const third = await timed();
  expect(third).toMatchObject({ delayed: 2 });
  expect(third.ms).toBeGreaterThanOrEqual(145);
  expect((await timed()).delayed).toBe(2);
});

test("a hang never answers: the connection drops when the faults are cleared, or the client gives up", async () => {
  const overHttp = (init: RequestInit = {}) =>
    fetch(`${server.url}${COMMENTS_URL}`, { method: "POST", headers: { authorization: "token user:RafaelGSS" }, body: JSON.stringify({ body: "hello" }), ...init });
  const hungUntil = async (seen: number) => {
    while ((sandbox.faults.list()[0]?.seen ?? 0) < seen) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  sandbox.faults.add([{ route: COMMENTS, kind: "hang", times: "always", actors: "everyone" }]);
  const hung = overHttp();
  await hungUntil(1);
  sandbox.faults.clear();
  await expect(hung).rejects.toThrow("fetch failed");

  sandbox.faults.add([{ route: COMMENTS, kind: "hang", actors: "everyone" }]);
  const giveUp = new AbortController();
  const abandoned = overHttp({ signal: giveUp.signal });
  await hungUntil(1);
  giveUp.abort();
  await expect(abandoned).rejects.toThrow("aborted");
  expect(comments()).toBe(0);
  expect((await overHttp()).status).toBe(201);
});

test("faults apply to the app's requests only, unless they say everyone", async () => {
  sandbox.faults.add([{ route: COMMENTS, kind: "server-error", times: "always" }]);
  expect((await comment("user:RafaelGSS")).status).toBe(201);
  sandbox.faults.add([{ route: COMMENTS, kind: "server-error", status: 503, actors: "everyone" }]);
  expect((await comment("user:RafaelGSS")).status).toBe(503);
});

test("GraphQL's RATE_LIMITED comes with HTTP 200", async () => {
  sandbox.faults.add([{ route: "POST /graphql", kind: "graphql-rate-limited", actors: "everyone" }]);
  const query = () =>
    fetch(`${server.url}/api/graphql`, { method: "POST", headers: { authorization: "token user:RafaelGSS" }, body: JSON.stringify({ query: "{ viewer { login } }" }) });
  const limited = await query();
  expect(limited.status).toBe(200);
  expect(await limited.json()).toMatchObject({ errors: [{ type: "RATE_LIMITED" }] });
  expect(await (await query()).json()).toEqual({ data: { viewer: { login: "RafaelGSS" } } });
});

test("the control endpoint adds, lists with counts and clears faults, and names the problem in a bad one", async () => {
  expect(await control("POST", { route: COMMENTS, kind: "server-error" })).toMatchObject({ status: 201, body: [{ id: 1, kind: "server-error", status: 502 }] });
  await comment();
  expect(await control("GET")).toMatchObject({ status: 200, body: [{ id: 1, seen: 1, fired: 1 }] });
  expect(await control("DELETE")).toEqual({ status: 200, body: [] });
  expect((await control("GET")).body).toEqual([]);
  expect(await control("POST", { faults: [{ route: "POST /repos/{owner}/{repo}/comments", kind: "hang" }] })).toEqual({
    status: 400,
    body: { message: expect.stringMatching(/^request faults: \[0\]\.route: "POST \/repos\/\{owner\}\/\{repo\}\/comments" is no operation of the sandbox/) },
  });
  expect((await control("POST", { faults: [{ route: COMMENTS, kind: "graphql-rate-limited" }] })).body).toEqual({
    message: 'request faults: [0].kind: graphql-rate-limited applies to "POST /graphql" only',
  });
});

test("a snapshot's faults are in force from the start; a bad one names its key path", () => {
  const withFaults = `${SERVER_SNAPSHOT}\nfaults:\n  - { route: "${COMMENTS}", kind: delay, ms: 5 }\n`;
  expect(Sandbox.fromSnapshot(withFaults).faults.list()).toMatchObject([{ id: 1, kind: "delay", ms: 5, nth: 1, times: 1, actors: "app" }]);
  expect(() => Sandbox.fromSnapshot(`${SERVER_SNAPSHOT}\nfaults:\n  - { route: "${COMMENTS}", kind: delay }\n`, "faulty.yml")).toThrow(
    "faulty.yml: invalid sandbox snapshot:\n  - faults[0].ms:",
  );
});
