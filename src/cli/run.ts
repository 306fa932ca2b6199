import { parseArgs } from "node:util";
import type { GitHub, RepoRef } from "../github.js";
import { UserError } from "../errors.js";
import type { MeetingRegistry } from "../registry/meeting-registry.js";
import { discoverInstallation } from "../registry/redis-registry.js";
import type { TickLock } from "../scheduler/lock.js";
import { runTick, type TickTarget } from "../scheduler/run-tick.js";
import type { TickActions } from "../scheduler/tick-meeting.js";
import { loadRepoMeetings } from "../registry/discover-meetings.js";
import { parseRepo } from "./preview.js";
import type { Output } from "./output.js";

/** One installation the command may tick, with its client. */
export interface RunInstallation {
  installationId: number;
  octokit: GitHub;
}

/** What the command needs from its surroundings; the app provides the tick's actions. */
export interface RunEnvironment {
  /** With `repo`, the installation on that repository; without, every installation. */
  installations(repo?: RepoRef): Promise<RunInstallation[]>;
  actions(installation: RunInstallation): TickActions;
  registry: MeetingRegistry;
  lock: TickLock;
  now: () => Date;
}

export async function runCommand(args: string[], output: Output, environment: RunEnvironment): Promise<void> {
  const { values } = parseArgs({ args, options: { repo: { type: "string" } }, strict: true, allowPositionals: false });
  const repo = values.repo === undefined ? undefined : parseRepo(values.repo);
  const log = { info: output.log, warn: output.log, error: output.log };
  let discoveryCalls = 0;

  const targets = async (): Promise<TickTarget[]> => {
    const installations = await environment.installations(repo);
    if (repo && installations.length === 0) throw new UserError(`The app is not installed on ${repo.owner}/${repo.repo}.`);
    const found: TickTarget[] = [];
    for (const installation of installations) {
      const meetings = repo
        ? await loadRepoMeetings(installation.octokit, installation.installationId, repo, environment.registry, log)
        : await discoverInstallation(installation.octokit, installation.installationId, environment.registry, log).then(
            (discovered) => ((discoveryCalls += discovered.apiCalls), discovered.meetings),
          );
      found.push({ installationId: installation.installationId, meetings, actions: environment.actions(installation) });
    }
    return found;
  };

  try {
    const run = await runTick({ lock: environment.lock, now: environment.now, targets, log });
    if (run.kind === "locked") {
      output.print("Another tick is running; nothing done.");
      return;
    }
    if (!repo) output.print(`Discovery cost ${discoveryCalls} API call(s).`);
    if (run.meetings.length === 0) output.print(repo ? `${repo.owner}/${repo.repo} declares no meetings.` : "No meetings found.");
    for (const meeting of run.meetings) {
      const what = meeting.error ? `failed: ${meeting.error}` : meeting.done.length > 0 ? meeting.done.join(", ") : "nothing due";
      output.print(`${meeting.meeting}: ${what}${meeting.skipped.length > 0 ? ` (skipped: ${meeting.skipped.join(", ")})` : ""}`);
    }
    const failed = run.meetings.filter((meeting) => meeting.error).length;
    if (failed > 0) throw new Error(`The tick failed for ${failed} meeting(s).`);
  } finally {
    await environment.lock.close();
  }
}
