// Collects the agenda of each meeting the bench's home repo declares, in a process of its own so
// that its peak memory is the app's: Probot's production Octokit (retries and throttling on),
// against the sandbox the bench serves. Prints one JSON line per meeting, then the peak RSS.
import { Probot } from "probot";
import { collectAgendaItems } from "../dist/collect/collect-agenda-items.js";
import { loadRepoConfig } from "../dist/config/load-config.js";

const { sandboxUrl, appId, privateKey, installationId, owner, meetings } = JSON.parse(process.env.BENCH_COLLECT ?? "{}");
const probot = new Probot({ appId, privateKey, baseUrl: `${sandboxUrl}/api/v3`, logLevel: "fatal" });
const octokit = await probot.auth(installationId);
const loaded = await loadRepoConfig(octokit, { owner, repo: "home" });
if (loaded.meetings.length === 0) throw new Error(JSON.stringify(loaded.problems));
let calls = 0;
octokit.hook.before("request", () => void calls++);
for (const id of meetings) {
  const meeting = loaded.meetings.find((candidate) => candidate.id === id);
  calls = 0;
  const started = performance.now();
  const collected = await collectAgendaItems(octokit, meeting);
  const wall_ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ meeting: id, calls, wall_ms, items: collected.items.length, truncated: collected.truncated })}\n`);
}
process.stdout.write(`${JSON.stringify({ rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
