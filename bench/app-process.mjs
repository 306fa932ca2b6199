// The app as `probot run` serves it, in a process of its own so that its memory and start-up are
// its own: Probot's Server with production retries and throttling, against the bench's sandbox.
// Started by perf.mjs with its settings in BENCH_APP (JSON); says `ready` (and later `idle`, after
// start-up discovery) over IPC, and answers `rss` with its peak resident set.
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createAgendaDrafter } from "../dist/app/create-agenda-drafter.js";
import { clockFromEnv } from "../dist/app/clock-from-env.js";
import { stateSignerFromEnv } from "../dist/app/state-signer-from-env.js";

const settings = JSON.parse(process.env.BENCH_APP ?? "{}");
const { sandboxUrl, port, appId, privateKey, secret, cronSecret, debounceMs } = settings;

const now = clockFromEnv({ AGENDA_DRAFTER_CLOCK_URL: `${sandboxUrl}/_sandbox/clock` });
const drafter = createAgendaDrafter({ stateSigner: stateSignerFromEnv({}, privateKey), debounceMs, now, cronSecret });
const log = pino({ level: "fatal" });
const server = new Server({
  log,
  Probot: Probot.defaults({ appId, privateKey, secret, baseUrl: `${sandboxUrl}/api/v3`, log }),
  port,
  host: "127.0.0.1",
});
await server.load(drafter.app);
await server.start();
process.send?.({ kind: "ready", uptime_ms: performance.now() });
void drafter.idle().then(() => process.send?.({ kind: "idle", uptime_ms: performance.now() }));

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

process.on("message", async (message) => {
  if (message === "rss") process.send?.({ kind: "rss", rss_mb: process.resourceUsage().maxRSS / 1024, cpu_ms: cpuMs() });
  if (message === "idle") {
    await drafter.idle();
    process.send?.({ kind: "settled" });
  }
  if (message === "stop") {
    drafter.stop();
    await server.stop();
    process.exit(0);
  }
});
