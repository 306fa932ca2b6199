// Section 4: webhook intake. Signed `issues.labeled` deliveries posted to the app's webhook path
// at a steady rate, half of them about an agenda label (relevant: they queue a refresh) and half
// not; each one's time from sending to its 2xx answer.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
import { loadavg } from "node:os";
import { INSTALLATION_ID } from "./snapshots.mjs";

/** Posts the deliveries from bench/intake-process.mjs; resolves with its figures. */
export function postDeliveries(settings) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL("./intake-process.mjs", import.meta.url).pathname], {
      env: { ...process.env, BENCH_INTAKE: JSON.stringify(settings) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    // The machine's one-minute load average as the deliveries end: on a shared machine, what the figures say most about.
    child.on("exit", (code) =>
      code === 0 ? resolve({ ...JSON.parse(out), load_average: Math.round(loadavg()[0] * 10) / 10 }) : reject(new Error(`the intake process exited with ${code}`)),
    );
  });
}

/** Posts `count` signed deliveries at `perSecond`; each one's time to its 2xx answer. */
export async function sendDeliveries({ url, secret, perSecond, count, label, repo }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const times = [];
  let acknowledged = 0;
  const started = performance.now();
  const sends = [];
  for (let index = 0; index < count; index++) {
    const at = started + (index * 1000) / perSecond;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(
      deliver(agent, url, secret, payload(index, index % 2 === 0 ? label : "needs-triage", repo)).then((ms) => {
        if (ms !== undefined) (acknowledged++, times.push(ms));
      }),
    );
  }
  await Promise.all(sends);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (share) => Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))] * 10) / 10;
  return { sent: count, acknowledged, per_second: Math.round(acknowledged / elapsed), p50_ms: at(0.5), p99_ms: at(0.99) };
}

function payload(index, label, repo) {
  const [owner, name] = repo.split("/");
  return JSON.stringify({
    action: "labeled",
    issue: { number: 1 + (index % 10), title: `Intake ${index}`, state: "open", labels: [{ name: label }], updated_at: new Date().toISOString() },
    label: { name: label },
    repository: { name, full_name: repo, owner: { login: owner }, private: false },
    sender: { login: "maria", type: "User" },
    installation: { id: INSTALLATION_ID },
  });
}

/** Milliseconds to a 2xx answer; undefined for any other. Node's own HTTP client over kept-alive
 * connections: `fetch` costs the sender about 2 ms of CPU a request, which on a shared machine
 * would time the sender instead of the app. */
function deliver(agent, url, secret, body) {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = httpRequest(`${url}/api/github/webhooks`, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-github-event": "issues",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode >= 200 && response.statusCode < 300 ? performance.now() - started : undefined));
    });
    request.on("error", () => resolve(undefined));
    request.end(body);
  });
}
