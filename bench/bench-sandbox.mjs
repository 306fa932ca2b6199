// The sandbox GitHub the bench runs against: served over HTTP with a per-request latency, an app
// key of its own, and a count of the API calls the app makes (REST, app endpoints and GraphQL).
import { fork } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Sandbox, startSandboxServer } from "@agenda-drafter/github-sandbox";

export const APP_ID = 880_014;

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A sandbox loaded from `snapshot`, served with `latencyMs` per API request; webhooks go to `webhookPort` when given. */
export async function serveSandbox(snapshot, { latencyMs, webhookPort }) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const secret = randomBytes(16).toString("hex");
  const sandbox = Sandbox.fromSnapshot(snapshot);
  sandbox.latencyMs = latencyMs;
  const server = await startSandboxServer(sandbox, {
    port: 0,
    app: { id: APP_ID, privateKey },
    ...(webhookPort !== undefined && { webhook: { url: `http://127.0.0.1:${webhookPort}/api/github/webhooks`, secret } }),
  });
  const calls = callCounter(sandbox);
  return { sandbox, server, privateKey, secret, calls };
}

/** Counts the app's API requests (its installations' and its own) from `start()` on. */
function callCounter(sandbox) {
  let requests = [];
  sandbox.apiRequests.on((request) => {
    if (request.caller === "installation" || request.caller === "app") requests.push(request);
  });
  return {
    start: () => void (requests = []),
    count: () => requests.length,
    list: () => [...requests],
    matching: (method, pattern) => requests.filter((request) => request.method === method && pattern.test(request.path)).length,
  };
}

/** Starts the app server (bench/app-process.mjs) against the sandbox; resolves once it listens. */
export async function startAppProcess({ sandboxUrl, privateKey, secret, port, cronSecret, debounceMs = 3_000 }) {
  const started = performance.now();
  const child = fork(new URL("./app-process.mjs", import.meta.url), [], {
    // `BENCH_APP_PROFILE=DIR` writes a CPU profile of the app process there.
    execArgv: process.env.BENCH_APP_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`] : [],
    env: { ...process.env, BENCH_APP: JSON.stringify({ sandboxUrl, port, appId: APP_ID, privateKey, secret, cronSecret, debounceMs }) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const waiting = new Map();
  const idle = new Promise((resolve) => waiting.set("idle", resolve));
  child.on("message", (message) => {
    const resolve = waiting.get(message.kind);
    waiting.delete(message.kind);
    resolve?.(message);
  });
  const ask = (question, kind) => new Promise((resolve) => (waiting.set(kind, resolve), child.send(question)));
  await new Promise((resolve) => waiting.set("ready", resolve));
  return {
    startup_ms: performance.now() - started,
    url: `http://127.0.0.1:${port}`,
    startupIdle: idle,
    idle: () => ask("idle", "settled"),
    rss: async () => (await ask("rss", "rss")).rss_mb,
    /** The app process's CPU time so far (user and system). */
    cpuMs: async () => (await ask("rss", "rss")).cpu_ms,
    /** Its event loop's delays (p99, max) and its CPU time since the last call, or since it started. */
    loop: async () => {
      const { loop_p99_ms, loop_max_ms, cpu_ms } = await ask("loop", "loop");
      return { loop_p99_ms, loop_max_ms, cpu_ms };
    },
    stop: () => new Promise((resolve) => (child.once("exit", resolve), child.send("stop"))),
  };
}
