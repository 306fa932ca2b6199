// Section 1: collecting N labelled items over R repositories of one org, ours (the app's
// collection, in a process of its own) against the incumbents' request patterns, run in the bench.
import { spawn } from "node:child_process";
import { APP_ID, serveSandbox } from "./bench-sandbox.mjs";
import { collectionSnapshot, INSTALLATION_ID, labelFor, ORG } from "./snapshots.mjs";

const NOW = "2030-01-01T09:00:00Z";

export async function benchCollection({ repos, ns, latencyMs }) {
  const snapshot = collectionSnapshot({ repos, items: Math.max(...ns), now: NOW });
  const { sandbox, server, privateKey } = await serveSandbox(snapshot, { latencyMs });
  try {
    const { rows, rss_mb } = await collectInChild({ sandboxUrl: server.url, privateKey, meetings: ns.map((n) => `m${n}`) });
    const installation = sandbox.octokit(`installation:${INSTALLATION_ID}`);
    const results = [];
    // The baselines report calls only: they run without the injected latency (R = 1,000 would
    // otherwise spend 100 s a case on 2,001 sequential calls).
    sandbox.latencyMs = 0;
    for (const n of ns) {
      const ours = rows.find((row) => row.meeting === `m${n}`);
      const search30 = await search30Calls(sandbox, installation, n);
      const perRepo = await perRepoCalls(installation, n);
      results.push({ N: n, R: repos, calls: ours.calls, wall_ms: ours.wall_ms, items: ours.items, truncated: ours.truncated, baseline_search30_calls: search30, baseline_per_repo_calls: perRepo });
    }
    return { results, rss_mb };
  } finally {
    await server.close();
  }
}

function collectInChild({ sandboxUrl, privateKey, meetings }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL("./collect-process.mjs", import.meta.url).pathname], {
      env: { ...process.env, BENCH_COLLECT: JSON.stringify({ sandboxUrl, appId: APP_ID, privateKey, installationId: INSTALLATION_ID, owner: ORG, meetings }) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the collection process exited with ${code}`));
      const lines = out.trim().split("\n").map((line) => JSON.parse(line));
      resolve({ rows: lines.filter((line) => line.meeting), rss_mb: lines.find((line) => line.rss_mb)?.rss_mb });
    });
  });
}

/**
 * The Node.js tool's pattern: one issue search of the org at 30 results a page, up to search's
 * 1,000 results. The sandbox clock moves two seconds a search, as a client keeping to 30 searches
 * a minute waits.
 */
async function search30Calls(sandbox, octokit, n) {
  let calls = 0;
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.search.issuesAndPullRequests({ q: `org:${ORG} label:${labelFor(n)} is:open`, per_page: 30, page });
    calls++;
    sandbox.clock.advance(2_000);
    if (data.items.length < 30 || page * 30 >= 1_000) return calls;
  }
}

/** pkgjs/meet's pattern: list every repository, then each one's labelled issues and its open pull requests. */
async function perRepoCalls(octokit, n) {
  let calls = 0;
  const count = () => void calls++;
  octokit.hook.before("request", count);
  try {
    const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of repositories) {
      const repo = { owner: repository.owner.login, repo: repository.name };
      await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: labelFor(n), state: "open", per_page: 100 });
      await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
    }
  } finally {
    octokit.hook.remove("request", count);
  }
  return calls;
}
