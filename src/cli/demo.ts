import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { Sandbox } from "../sandbox/sandbox.js";
import { loadSnapshot } from "../sandbox/snapshot.js";
import { draftOccurrence } from "../draft/draft-occurrence.js";
import type { Output } from "./output.js";

export const demoUsage = `Usage: agenda-drafter demo [--snapshot FILE]

Runs on the bundled example org (examples/nodejs.yml) or the given snapshot, offline.`;

const exampleOrg = new URL("../../examples/nodejs.yml", import.meta.url);
const configPath = ".github/agenda-drafter.yml";

/**
 * The demo on the bundled example org: drafts every meeting the example declares from an in-memory
 * GitHub, offline, and prints what the app would write.
 */
export async function demo(args: string[], output: Output): Promise<void> {
  const { values } = parseArgs({ args, options: { snapshot: { type: "string" } }, strict: true });
  const file = values.snapshot ?? exampleOrg;
  const text = await readFile(file, "utf8");
  const sandbox = Sandbox.fromSnapshot(text, String(file));
  const octokit = sandbox.octokit();
  const now = sandbox.clock.now();
  output.log(`Example org loaded; the sandbox clock reads ${now.toISOString()}.`);

  for (const repo of homeRepos(text)) {
    const draft = await draftOccurrence(octokit, { repo, now });
    output.print(`\n=== ${repo.owner}/${repo.repo}: ${draft.rendered.title} ===\n`);
    output.print(draft.rendered.issueBody);
    output.print(`\n--- minutes skeleton: ${draft.rendered.minutesPath} ---\n`);
    output.print(draft.rendered.minutesBody);
  }
  output.log(
    "\nThe live app (meeting issues that follow labels, commands, the minutes pull request) is not in this demo yet: it drafts and writes nothing.",
  );
}

function homeRepos(snapshotText: string) {
  const snapshot = loadSnapshot(snapshotText);
  return Object.entries(snapshot.orgs ?? {}).flatMap(([owner, org]) =>
    Object.entries(org.repos ?? {})
      .filter(([, repo]) => repo.files?.[configPath] !== undefined)
      .map(([name]) => ({ owner, repo: name })),
  );
}
