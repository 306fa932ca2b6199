// `npm run bench`: the app's performance against the sandbox GitHub, with a per-request latency
// (default 50 ms, `--latency MS`) and Probot's production retries and throttling. Prints a table
// of each figure against its target and writes bench/results.json. `--quick` runs a few cases;
// `--readme` also writes the table into the README; `--only startup-intake` runs intake during
// start-up discovery alone and prints its figures. It builds dist/ first when a source is newer.
// Figures are wall-clock times on whatever machine runs it: on a shared one they are noisy.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchCollection } from "./collect.mjs";
import { benchStorm } from "./storm.mjs";
import { benchStartupIntake, benchTicks } from "./ticks.mjs";
import { buildIfStale } from "./fresh-build.mjs";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    latency: { type: "string", default: "50" },
    readme: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const quick = values.quick;
const latencyMs = Number(values.latency);
const plan = quick
  ? { repos: [100], ns: [10, 100], tickRepos: 100, tickMeetings: 2, lag: false, intake: { perSecond: 500, count: 500 }, startupRuns: 7 }
  : { repos: [10, 100, 1_000], ns: [10, 100, 1_000, 10_000], tickRepos: 1_000, tickMeetings: 20, lag: true, intake: { perSecond: 500, count: 2_500 }, startupRuns: 21 };
const STORM_LAG_MS = 120_000;
const DEBOUNCE_MS = 3_000;
const STARTUP_INTAKE = { perSecond: 500, count: 500 };

const startedAt = performance.now();
process.stderr.write(`bench: ${buildIfStale()}\n`);
// `--only startup-intake`: the figures of intake during start-up discovery alone (of the tick's org), printed as JSON.
if (values.only !== undefined) {
  if (values.only !== "startup-intake") throw new Error(`--only takes startup-intake, not ${values.only}`);
  const startup = await benchStartupIntake({ repos: plan.tickRepos, meetings: plan.tickMeetings, latencyMs, intake: STARTUP_INTAKE });
  process.stdout.write(`${JSON.stringify({ ...startup, seconds: Math.round((performance.now() - startedAt) / 1000) })}\n`);
  process.exit(0);
}
/** How long each section took, in seconds: where the bench's own time goes. */
const sectionS = {};
const timed = async (name, run) => {
  const started = performance.now();
  const result = await run();
  sectionS[name] = Math.round((performance.now() - started) / 100) / 10;
  return result;
};
const collect = [];
let rssCollect = 0;
for (const repos of plan.repos) {
  const { results, rss_mb } = await timed(`collect_R${repos}`, () => benchCollection({ repos, ns: plan.ns, latencyMs }));
  collect.push(...results);
  rssCollect = Math.max(rssCollect, rss_mb);
}
const storm = await timed("storm", () => benchStorm({ latencyMs, intake: plan.intake }));
const lagged = plan.lag ? await timed("storm_lag", () => benchStorm({ latencyMs, searchLagMs: STORM_LAG_MS })) : undefined;
const tick = await timed("ticks", () => benchTicks({ repos: plan.tickRepos, meetings: plan.tickMeetings, latencyMs, intake: STARTUP_INTAKE }));
const startup = startupTimes();

const results = {
  quick,
  latency_ms: latencyMs,
  collect: collect.map(({ N, R, calls, wall_ms, items, baseline_search30_calls, baseline_per_repo_calls }) => ({ N, R, calls, wall_ms, items, baseline_search30_calls, baseline_per_repo_calls })),
  storm: {
    writes: storm.writes,
    calls: storm.calls,
    converge_ms: storm.converge_ms,
    lag_writes: lagged?.writes ?? null,
    lag_calls: lagged?.calls ?? null,
    lag_converge_ms: lagged?.converge_ms ?? null,
  },
  tick: {
    repos: tick.repos,
    meetings: tick.meetings,
    discovery_calls: tick.discovery_calls,
    steady_calls: tick.steady_calls,
    due_calls: tick.due_calls,
    due_calls_per_meeting: Math.round((tick.due_calls / tick.meetings) * 10) / 10,
    due_per_meeting: tick.due_per_meeting,
  },
  intake: { ...storm.intake, startup: tick.startup_intake },
  rss_mb: { collect_10000: round(rssCollect), storm: round(Math.max(storm.rss_mb, lagged?.rss_mb ?? 0)) },
  startup_ms: { server: storm.startup_ms, ...startup },
  cli_help_ms: startup.cli_help,
  startup_runs: plan.startupRuns,
  bench_ms: Math.round(performance.now() - startedAt),
  section_s: sectionS,
  // Wall-clock figures depend on what else the machine runs: its load average at the end.
  load_average: loadavg().map((load) => Math.round(load * 10) / 10),
};
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(table(results));
// `--readme`: the table replaces the one in the README's Performance section.
if (values.readme) {
  const readme = new URL("../README.md", import.meta.url);
  const text = readFileSync(readme, "utf8");
  const [start, end] = ["<!-- bench-table:start -->", "<!-- bench-table:end -->"].map((marker) => text.indexOf(marker));
  if (start < 0 || end < start) throw new Error("README.md has no bench-table markers");
  writeFileSync(readme, `${text.slice(0, start)}<!-- bench-table:start -->\n${table(results)}${text.slice(end)}`);
}

/**
 * The median times, in milliseconds, of `agenda-drafter --help`, `--version` and Node.js itself
 * starting and exiting (`node -e 0`, what the command line cannot go under), each in a new
 * process, run in turn `plan.startupRuns` times: a burst of load on a shared machine falls on all three
 * alike, and the median leaves it out.
 */
function startupTimes() {
  const bin = fileURLToPath(new URL("../bin/agenda-drafter.js", import.meta.url));
  const commands = { cli_help: [bin, "--help"], cli_version: [bin, "--version"], node_bare: ["-e", "0"] };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < plan.startupRuns; run++) {
    for (const [name, args] of Object.entries(commands)) {
      const started = performance.now();
      spawnSync(process.execPath, args, { stdio: "ignore" });
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, runs]) => [name, Math.round(runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)])]));
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function verdict(ok) {
  return ok ? "ok" : "MISSED";
}

function table(r) {
  const rows = [["figure", "value", "target", ""]];
  for (const row of r.collect) {
    const limit = Math.ceil(Math.min(row.N, 1_000) / 100) + 1;
    rows.push([
      `collect N=${row.N} R=${row.R}: calls (items got), wall`,
      `${row.calls} (${row.items}), ${row.wall_ms} ms; search30 ${row.baseline_search30_calls} (x${(row.baseline_search30_calls / row.calls).toFixed(1)}), per-repo ${row.baseline_per_repo_calls} (x${(row.baseline_per_repo_calls / row.calls).toFixed(1)})`,
      `<= ${limit} calls`,
      verdict(row.calls <= limit),
    ]);
  }
  const s = r.storm;
  rows.push(["storm: issue writes", String(s.writes), "<= 3", verdict(s.writes <= 3)]);
  rows.push(["storm: calls", String(s.calls), "-", ""]);
  rows.push(["storm: last event to a correct issue", `${s.converge_ms} ms`, `<= ${DEBOUNCE_MS + 2_000} ms`, verdict(s.converge_ms !== null && s.converge_ms <= DEBOUNCE_MS + 2_000)]);
  if (s.lag_calls !== null) {
    rows.push(["storm under search lag: writes, calls", `${s.lag_writes}, ${s.lag_calls}`, "<= 20 calls", verdict(s.lag_calls <= 20)]);
    rows.push(["storm under search lag: to a correct issue", `${s.lag_converge_ms} ms`, "-", ""]);
  }
  const t = r.tick;
  rows.push([`discovery, ${t.repos} repos`, `${t.discovery_calls} calls`, `<= ${Math.ceil(t.repos / 100) + 2}`, verdict(t.discovery_calls <= Math.ceil(t.repos / 100) + 2)]);
  rows.push([`steady tick, ${t.meetings} meetings, nothing due`, `${t.steady_calls} calls`, "<= 2 per installation", verdict(t.steady_calls <= 2)]);
  rows.push(["tick with every meeting due: calls, per meeting", `${t.due_calls}, ${t.due_calls_per_meeting}`, "-", ""]);
  const i = r.intake;
  rows.push([
    `intake at ${i.sent} deliveries: acknowledged/s, p50, p99 (app CPU a delivery; load average)`,
    `${i.per_second}/s, ${i.p50_ms} ms, ${i.p99_ms} ms (${i.app_cpu_ms_per_delivery} ms; ${i.load_average})`,
    "p99 < 50 ms at 500/s",
    verdict(i.p99_ms < 50 && i.per_second >= 500 * 0.95),
  ]);
  if (i.startup) {
    rows.push([
      "intake during start-up discovery: /s, p50, p99 (app's longest loop delay; load average)",
      `${i.startup.per_second}/s, ${i.startup.p50_ms} ms, ${i.startup.p99_ms} ms (${i.startup.app_loop_max_ms} ms; ${i.startup.load_average})`,
      "p99 < 50 ms",
      verdict(i.startup.p99_ms < 50),
    ]);
  }
  rows.push(["app peak RSS: collection / storm", `${r.rss_mb.collect_10000} MB / ${r.rss_mb.storm} MB`, "< 200 MB at 10,000 items", verdict(r.rss_mb.collect_10000 < 200)]);
  rows.push([
    `start-up: server / cli --help, --version (node -e 0), medians of ${r.startup_runs}`,
    `${r.startup_ms.server} ms / ${r.cli_help_ms} ms, ${r.startup_ms.cli_version} ms (${r.startup_ms.node_bare} ms)`,
    "cli < 300 ms",
    verdict(r.cli_help_ms < 300),
  ]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  return `${[line(rows[0]), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n")}\n\n${r.quick ? "quick run" : "full run"}, latency ${r.latency_ms} ms per request, ${Math.round(r.bench_ms / 1000)} s in all, load average ${r.load_average.join(" / ")} (1 / 5 / 15 min) at the end\n`;
}
