// The app as `probot run` serves it, in a process of its own so that its memory and start-up are
// its own: Probot's Server with production retries and throttling, against the bench's sandbox.
// Started by perf.mjs with its settings in BENCH_APP (JSON); says `ready` (and later `idle`, after
// start-up discovery) over IPC, answers `rss` with its peak resident set, and `loop` with its
// event loop's delays and its CPU time since the last `loop` (or its start).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createAgendaDrafter } from "../dist/app/create-agenda-drafter.js";
import { clockFromEnv } from "../dist/app/clock-from-env.js";
import { stateSignerFromEnv } from "../dist/app/state-signer-from-env.js";

// From before the server listens: what holds the loop during start-up discovery delays the answers then.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
let loopCpuFrom = 0;

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
  if (message === "loop") {
    const cpu = cpuMs();
    const ms = (nanoseconds) => Math.round(nanoseconds / 1e5) / 10;
    process.send?.({ kind: "loop", loop_p99_ms: ms(loopDelay.percentile(99)), loop_max_ms: ms(loopDelay.max), cpu_ms: Math.round(cpu - loopCpuFrom) });
    loopDelay.reset();
    loopCpuFrom = cpu;
  }
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
