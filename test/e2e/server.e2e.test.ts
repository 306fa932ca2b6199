// The server `npm start` and the container run (src/server.ts: serve() with the app of
// src/app.ts, configured from the environment alone), against the sandbox laid out as GitHub
// Enterprise Server (GHE_HOST, REST at /api/v3, GraphQL at /api/graphql): its webhooks, its
// operator endpoints (/healthz, /readyz, /metrics), its JSON log with the work's fields and
// without any secret.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { PassThrough } from "node:stream";
import { Sandbox, startSandboxServer, type SandboxServer } from "@agenda-drafter/github-sandbox";
import { appFromEnv } from "../../src/app.js";
import { serve } from "../../src/app/serve.js";
import { agendaItems, HOME, SNAPSHOT_FILE } from "./live-issue-app.js";
import { parseBody } from "../../src/publish/issue-body.js";

const APP_ID = 834021;
const WEBHOOK_SECRET = "server-e2e-webhook-secret-6f1c";
const CRON_SECRET = "server-e2e-cron-secret-93ab0e7d";
const STATE_KEY = "server-e2e-state-key-4b2e9c01d7a35f68e0";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

type Running = Awaited<ReturnType<typeof serve>>;

/**
 * A port nothing listens on, for the server (Probot takes PORT=0 for its default, 3000) or a
 * Redis that is not running; held until `release`, so that no other server takes it meanwhile.
 */
async function reservePort(): Promise<{ port: number; release: () => Promise<unknown> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, release: () => new Promise((resolve) => server.close(resolve)) };
}

/** Polls until `ready` holds, for work the server does on its own time (a debounced refresh). */
async function eventually(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never came true: ${what}`);
}

interface Started {
  sandbox: Sandbox;
  github: SandboxServer;
  server: Running;
  url: string;
  log: string[];
  close(): Promise<void>;
}

async function startServer(extraEnv: Record<string, string> = {}): Promise<Started> {
  const reserved = await reservePort();
  const port = reserved.port;
  const sandbox = Sandbox.fromSnapshot(readFileSync(SNAPSHOT_FILE, "utf8"), SNAPSHOT_FILE);
  const github = await startSandboxServer(sandbox, {
    port: 0,
    webhook: { url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: WEBHOOK_SECRET },
    app: { id: APP_ID, privateKey },
  });
  await reserved.release();
  const env: Record<string, string> = {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET,
    GHE_HOST: new URL(github.url).host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    AGENDA_DRAFTER_CLOCK_URL: `${github.url}/_sandbox/clock`,
    AGENDA_DRAFTER_CRON_SECRET: CRON_SECRET,
    AGENDA_DRAFTER_STATE_KEY: STATE_KEY,
    AGENDA_DRAFTER_TICK_INTERVAL_MS: "0",
    AGENDA_DRAFTER_DEBOUNCE_MS: "50",
    ...extraEnv,
  };
  // The app reads its own variables from process.env, as under `npm start`.
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const log: string[] = [];
  const destination = new PassThrough();
  destination.on("data", (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const app = appFromEnv();
  const server = await serve(app.app, { env: process.env, destination });
  return {
    sandbox,
    github,
    server,
    url: `http://127.0.0.1:${port}`,
    log,
    async close() {
      // The app first: requests it still has in flight get their answers rather than retries, whose waits would outlast the test.
      await server.stop();
      await app.close();
      await github.close().catch(() => undefined);
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}

function meetingIssueBody(started: Started) {
  const repo = [...started.sandbox.state.repos.values()].find((record) => `${record.owner}/${record.name}`.toLowerCase() === HOME);
  return [...(repo?.issues.values() ?? [])].find((issue) => !issue.pullRequest && parseBody(issue.body).marker !== undefined);
}

async function label(started: Started, repo: string, number: number): Promise<void> {
  const response = await fetch(`${started.github.url}/api/v3/repos/nodejs/${repo}/issues/${number}/labels`, {
    method: "POST",
    headers: { authorization: "token user:RafaelGSS", "content-type": "application/json", accept: "application/vnd.github+json" },
    body: JSON.stringify({ labels: ["security-wg-agenda"] }),
  });
  expect(response.status).toBe(200);
}

async function tick(running: Started): Promise<unknown> {
  const response = await fetch(`${running.url}/agenda-drafter/tick`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status).toBe(200);
  return response.json();
}

function metric(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text.split("\n").find((each) => each.startsWith(name) && Object.entries(labels).every(([key, value]) => each.includes(`${key}="${value}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

let started: Started | undefined;
const stopServer = async () => {
  await started?.close();
  started = undefined;
};

// The server's own start-up writes are spaced as in production (a second apart): the log test
// reads the log of the server the first test drove, and only adds the minutes to it.
describe("one server, from start-up to the minutes", () => {
  beforeAll(async () => {
    started = await startServer();
  });
  afterAll(stopServer);

  test("the server, on GitHub Enterprise Server, follows labels, and tells an operator it is live, ready and what it did", async () => {
    const { url } = started!;

    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await fetch(`${url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ready", checks: { github: "ok" } }]);

    await eventually(() => meetingIssueBody(started!) !== undefined, "start-up creates the meeting issue");
    await label(started!, "node", 52575);
    await eventually(() => agendaItems(meetingIssueBody(started!)!).includes("nodejs/node#52575"), "the labelled item reaches the agenda");

    const tick = await fetch(`${url}/agenda-drafter/tick`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(tick.status).toBe(200);

    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(metric(text, "agenda_drafter_webhooks_total", { event: "issues", outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(metric(text, "agenda_drafter_github_requests_total", { route: "issues", method: "GET", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(metric(text, "agenda_drafter_github_requests_total", { route: "search", method: "GET", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(metric(text, "agenda_drafter_github_requests_total", { route: "app", method: "GET", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(metric(text, "agenda_drafter_github_rate_limit_remaining", { resource: "core" })).toBeGreaterThan(0);
    expect(metric(text, "agenda_drafter_github_writes_total", { kind: "issue" })).toBeGreaterThanOrEqual(2);
    expect(metric(text, "agenda_drafter_refresh_duration_seconds_count", { outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(metric(text, "agenda_drafter_tick_duration_seconds_count")).toBe(1);
    expect(text).toContain("# TYPE agenda_drafter_errors_total counter");
    expect(text).toContain("agenda_drafter_process_cpu_seconds_total");
  });

  test("the JSON log carries the work's installation, repository, meeting and occurrence, and no secret, not even the cron's bearer in the HTTP log", async () => {
    // The first test's server has followed a label: the meeting issue is refreshed, and the log says so.
    expect(agendaItems(meetingIssueBody(started!)!)).toContain("nodejs/node#52575");
    // Past the meeting, a tick freezes the agenda and opens the minutes (once the app's clock, which polls the sandbox's, follows).
    started!.sandbox.clock.set(new Date("2024-03-28T17:30:00Z"));
    await eventually(async () => JSON.stringify(await tick(started!)).includes("open-minutes 2024-03-28"), "a tick opens the minutes");
    await fetch(`${started!.url}/readyz`);
    const { log } = started!;

    const lines = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    const refreshed = lines.find((line) => typeof line.msg === "string" && line.msg.startsWith(`${HOME} security-wg:`));
    expect(refreshed).toMatchObject({ installation: expect.any(Number), repo: HOME, meeting: "security-wg" });
    const minutes = lines.find((line) => typeof line.msg === "string" && line.msg.startsWith("opened the minutes"));
    expect(minutes).toMatchObject({ installation: expect.any(Number), repo: HOME, meeting: "security-wg", occurrence: "2024-03-28" });
    const httpTick = lines.find((line) => typeof line.msg === "string" && line.msg.startsWith("POST /agenda-drafter/tick"));
    expect((httpTick?.req as { headers?: Record<string, string> } | undefined)?.headers?.authorization).toBe("[redacted]");

    const whole = log.join("\n");
    const keyBody = privateKey.split("\n").filter((line) => line && !line.startsWith("-----"));
    for (const secret of [WEBHOOK_SECRET, CRON_SECRET, STATE_KEY, ...keyBody]) expect(whole).not.toContain(secret);
    // Nor an installation token (`ghs_...`) or a JWT (the app's, signed with its key).
    expect(whole).not.toMatch(/ghs_[A-Za-z0-9]{20,}/);
    expect(whole).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});

describe("a server that cannot be ready", () => {
  afterEach(stopServer);

  test("with Redis configured but not running, /readyz answers 503 saying so, in JSON, while /healthz stays 200", async () => {
    const stopped = await reservePort();
    await stopped.release();
    started = await startServer({ AGENDA_DRAFTER_REDIS_URL: `redis://127.0.0.1:${stopped.port}` });
    const ready = await fetch(`${started.url}/readyz`);
    const answer = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(ready.status).toBe(503);
    expect(ready.headers.get("content-type")).toBe("application/json");
    expect(answer.status).toBe("not ready");
    expect(answer.checks.github).toBe("ok");
    expect(answer.checks.redis).not.toBe("ok");
    expect(answer.checks.redis).toEqual(expect.any(String));
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
  });

  test("with GitHub not answering, /readyz answers 503 naming GitHub", async () => {
    started = await startServer();
    await started.github.close();
    const ready = await fetch(`${started.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.github).toMatch(/^GitHub did not answer/);
  });
});
