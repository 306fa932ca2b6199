// Section 4: webhook intake. Signed `issues.labeled` deliveries posted to the app's webhook path
// at a steady rate, half of them about an agenda label (relevant: they queue a refresh) and half
// not; each one's time from sending to its 2xx answer.
import { createHmac, randomUUID } from "node:crypto";
import { INSTALLATION_ID } from "./snapshots.mjs";

export async function postDeliveries({ url, secret, perSecond, count, label, repo }) {
  const times = [];
  let acknowledged = 0;
  const started = performance.now();
  const sends = [];
  for (let index = 0; index < count; index++) {
    const at = started + (index * 1000) / perSecond;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(
      deliver(url, secret, payload(index, index % 2 === 0 ? label : "needs-triage", repo)).then((ms) => {
        if (ms !== undefined) (acknowledged++, times.push(ms));
      }),
    );
  }
  await Promise.all(sends);
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

/** Milliseconds to a 2xx answer; undefined for any other. */
async function deliver(url, secret, body) {
  const started = performance.now();
  const response = await fetch(`${url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
  }).catch(() => undefined);
  if (!response) return undefined;
  await response.arrayBuffer();
  return response.ok ? performance.now() - started : undefined;
}
