// Section 3: ticks on an org of many repositories with 20 meetings, against the app server in a
// process of its own ticked through its cron endpoint: the calls of start-up discovery, of a
// steady tick with nothing due, and of a tick with every meeting's issue due; and section 4's
// intake while start-up discovery runs.
import { randomBytes } from "node:crypto";
import { freePort, serveSandbox, startAppProcess } from "./bench-sandbox.mjs";
import { itemRepo, ORG, ticksSnapshot } from "./snapshots.mjs";
import { postDeliveries } from "./intake.mjs";

const DAY_MS = 86_400_000;
// The sandbox's clock starts at the machine's time: the app signs its JWTs by the machine's clock, and
// GitHub refuses one from another time (the app then asks again, corrected by the answer's
// `Date`), which would count a call that production, where the clocks agree, does not make.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
/** Every meeting's first occurrence: beyond its 3-day lead time at NOW, within it at DUE. */
const START = `${new Date(NOW.getTime() + 19 * DAY_MS).toISOString().slice(0, 10)}T16:00`;
const DUE = new Date(Date.parse(`${START}:00Z`) - 2 * DAY_MS);

export async function benchTicks({ repos, meetings, latencyMs, intake }) {
  const port = await freePort();
  const cronSecret = randomBytes(16).toString("hex");
  const { sandbox, server, privateKey, secret, calls } = await serveSandbox(ticksSnapshot({ repos, meetings, now: NOW.toISOString(), start: START }), { latencyMs, webhookPort: port });
  // Right before the app signs its first JWT: the sandbox's clock stands still otherwise.
  sandbox.clock.set(new Date());
  calls.start();
  let app = await startAppProcess({ sandboxUrl: server.url, privateKey, secret, port, cronSecret });
  try {
    await app.startupIdle;
    await app.idle();
    // Start-up also looks at each meeting; discovery is the installation's token, the listing of
    // its repositories and the GraphQL reads of their files (the app's one listing of its
    // installations is not the installation's).
    const discovery_calls = calls.matching("GET", /^\/installation\/repositories/) + calls.matching("POST", /^\/graphql$/) + calls.matching("POST", /^\/app\/installations\/\d+\/access_tokens$/);

    const steady_calls = await tickCalls(app, cronSecret, calls);
    sandbox.clock.set(DUE);
    // The app follows the sandbox clock by polling it twice a second.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const due_calls = await tickCalls(app, cronSecret, calls);
    const due_per_meeting = oneMeetingsCalls(calls.list(), `${ORG}/wg-00`);
    await server.settled();
    const created = [...sandbox.state.repos.values()].flatMap((repo) => [...repo.issues.values()].filter((issue) => issue.labels.includes("meeting"))).length;
    await app.stop();
    let startup;
    ({ app, startup } = await restartUnderIntake({ server, privateKey, secret, port, cronSecret, intake }));
    return { repos, meetings, discovery_calls, steady_calls, due_calls, due_per_meeting, issues_created: created, ...(startup && { startup_intake: startup }) };
  } finally {
    await app.stop();
    await server.close();
  }
}

/**
 * Section 4's intake during start-up discovery alone (`--only startup-intake`): a first app
 * process discovers the org and stops (so that the sandbox has loaded its GraphQL schema, as in
 * the whole run), then a second one starts under the deliveries. Its meetings have no issues yet,
 * so its refreshes after discovery are lighter than the whole run's.
 */
export async function benchStartupIntake({ repos, meetings, latencyMs, intake }) {
  const port = await freePort();
  const cronSecret = randomBytes(16).toString("hex");
  const { sandbox, server, privateKey, secret } = await serveSandbox(ticksSnapshot({ repos, meetings, now: NOW.toISOString(), start: START }), { latencyMs, webhookPort: port });
  sandbox.clock.set(new Date());
  let app = await startAppProcess({ sandboxUrl: server.url, privateKey, secret, port, cronSecret });
  try {
    await app.startupIdle;
    await app.idle();
    await app.stop();
    let startup;
    ({ app, startup } = await restartUnderIntake({ server, privateKey, secret, port, cronSecret, intake }));
    return startup;
  } finally {
    await app.stop();
    await server.close();
  }
}

/**
 * Another process starts on the same org: deliveries come while its discovery runs. Beside their
 * times, the app's event-loop delays and CPU time while they came, and this process's (the sandbox's).
 */
async function restartUnderIntake({ server, privateKey, secret, port, cronSecret, intake }) {
  const app = await startAppProcess({ sandboxUrl: server.url, privateKey, secret, port, cronSecret });
  let startup;
  if (intake) {
    const sandboxCpuFrom = process.cpuUsage();
    await app.loop();
    startup = await postDeliveries({ url: app.url, secret, ...intake, label: "wg-00-agenda", repo: `${ORG}/${itemRepo(0)}` });
    const { loop_p99_ms, loop_max_ms, cpu_ms } = await app.loop();
    const { user, system } = process.cpuUsage(sandboxCpuFrom);
    Object.assign(startup, { app_loop_p99_ms: loop_p99_ms, app_loop_max_ms: loop_max_ms, app_cpu_ms: cpu_ms, sandbox_cpu_ms: Math.round((user + system) / 1000) });
    startup.discovery_outlasted_intake = await Promise.race([app.startupIdle.then(() => false), Promise.resolve(true)]);
  }
  await app.startupIdle;
  await app.idle();
  return { app, startup };
}

async function tickCalls(app, cronSecret, calls) {
  calls.start();
  const response = await fetch(`${app.url}/agenda-drafter/tick`, { method: "POST", headers: { authorization: `Bearer ${cronSecret}` } });
  if (!response.ok) throw new Error(`the tick answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  await app.idle();
  return calls.count();
}

/** One meeting's calls in a tick, by kind (`GET /repos/{home}/issues`: 1), its home repo's name left out. */
function oneMeetingsCalls(requests, home) {
  const counts = {};
  for (const request of requests) {
    const path = request.path.replace(/\?.*/, "");
    if (!path.startsWith(`/repos/${home}`) && !(path === "/search/issues" && decodeURIComponent(request.path).includes(`label:${home.split("/")[1]}-agenda`))) continue;
    const kind = `${request.method} ${path.replace(`/repos/${home}`, "/repos/{home}").replace(/[0-9a-f]{40}/, "{sha}").replace(/\/issues\/\d+/, "/issues/{number}").replace(/%2F[^/]*$/, "/…")}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
