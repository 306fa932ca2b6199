// Section 2: a storm of 200 label and unlabel events in 10 s on 100 items, with and without a
// search lag, against the app server in a process of its own; and section 4's webhook intake,
// on the same server once the storm has passed.
import { freePort, serveSandbox, startAppProcess } from "./bench-sandbox.mjs";
import { itemRepo, ORG, stormSnapshot } from "./snapshots.mjs";
import { postDeliveries } from "./intake.mjs";

const NOW = "2030-01-01T09:00:00Z";
const START = "2030-01-03T16:00";
const LABEL = "storm-agenda";
const REPOS = 10;
const PER_REPO = 10;
const EVENTS = 200;
const STORM_MS = 10_000;

/** Label 0..99, unlabel 0..49, label 0..24 again, unlabel 50..74: 200 events, 50 items left on the agenda. */
function stormOps() {
  const range = (from, to) => Array.from({ length: to - from }, (_, index) => from + index);
  return [
    ...range(0, 100).map((item) => ({ item, add: true })),
    ...range(0, 50).map((item) => ({ item, add: false })),
    ...range(0, 25).map((item) => ({ item, add: true })),
    ...range(50, 75).map((item) => ({ item, add: false })),
  ];
}

const itemOf = (index) => ({ repo: itemRepo(index % REPOS), number: 1 + Math.floor(index / REPOS) });

export async function benchStorm({ latencyMs, searchLagMs, intake }) {
  const port = await freePort();
  const { sandbox, server, privateKey, secret, calls } = await serveSandbox(stormSnapshot({ repos: REPOS, itemsPerRepo: PER_REPO, now: NOW, start: START }), { latencyMs, webhookPort: port });
  const app = await startAppProcess({ sandboxUrl: server.url, privateKey, secret, port });
  try {
    await app.startupIdle;
    await server.settled();
    await app.idle();
    if (!meetingIssue(sandbox)) throw new Error("the storm's meeting issue was not created at start-up");
    if (searchLagMs) sandbox.setSearchLag(searchLagMs);
    calls.start();
    const ops = stormOps();
    // Each event at its time, but an item's changes in order: on a busy machine a label request
    // may still be in flight when its item's unlabelling is due.
    const previous = new Map();
    const sent = ops.map((op, index) => {
      const done = Promise.all([delay((index * STORM_MS) / EVENTS), previous.get(op.item)]).then(() => changeLabel(server.url, op));
      previous.set(op.item, done);
      return done;
    });
    await Promise.all(sent);
    const lastEventAt = performance.now();
    const expected = expectedItems(ops);
    let converge_ms;
    while (converge_ms === undefined && performance.now() - lastEventAt < 60_000) {
      if (sameItems(agendaOf(sandbox), expected)) converge_ms = performance.now() - lastEventAt;
      else await delay(50);
    }
    await server.settled();
    await app.idle();
    const result = {
      writes: calls.matching("PATCH", /^\/repos\/acme\/home\/issues\/\d+$/),
      calls: calls.count(),
      converge_ms: converge_ms === undefined ? null : Math.round(converge_ms),
      correct_at_end: sameItems(agendaOf(sandbox), expected),
      rss_mb: await app.rss(),
      startup_ms: Math.round(app.startup_ms),
    };
    if (intake) {
      const cpuBefore = await app.cpuMs();
      result.intake = await postDeliveries({ url: app.url, secret, ...intake, label: LABEL, repo: `${ORG}/${itemRepo(0)}` });
      await app.idle();
      result.intake.app_cpu_ms_per_delivery = Math.round(((await app.cpuMs()) - cpuBefore) / intake.count * 100) / 100;
    }
    if (intake) result.rss_mb = Math.max(result.rss_mb, await app.rss());
    return result;
  } finally {
    await app.stop();
    await server.close();
  }
}

async function changeLabel(sandboxUrl, { item, add }) {
  const { repo, number } = itemOf(item);
  const base = `${sandboxUrl}/api/v3/repos/${ORG}/${repo}/issues/${number}/labels`;
  const headers = { authorization: "token user:maria", "content-type": "application/json", accept: "application/vnd.github+json" };
  const response = add
    ? await fetch(base, { method: "POST", headers, body: JSON.stringify({ labels: [LABEL] }) })
    : await fetch(`${base}/${LABEL}`, { method: "DELETE", headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${add ? "labelling" : "unlabelling"} ${repo}#${number} failed: ${response.status}`);
}

function expectedItems(ops) {
  const labelled = new Set();
  for (const op of ops) op.add ? labelled.add(op.item) : labelled.delete(op.item);
  return new Set([...labelled].map((index) => `${itemOf(index).repo}#${itemOf(index).number}`));
}

function meetingIssue(sandbox) {
  const home = sandbox.state.repos.get("acme/home");
  return [...(home?.issues.values() ?? [])].find((issue) => !issue.pullRequest && issue.labels.includes("meeting"));
}

/** The items the meeting issue's agenda links. */
function agendaOf(sandbox) {
  const body = meetingIssue(sandbox)?.body ?? "";
  return new Set([...body.matchAll(/github\.com\/acme\/(repo-\d+)\/(?:issues|pull)\/(\d+)/g)].map((match) => `${match[1]}#${match[2]}`));
}

function sameItems(shown, expected) {
  return shown.size === expected.size && [...expected].every((item) => shown.has(item));
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
