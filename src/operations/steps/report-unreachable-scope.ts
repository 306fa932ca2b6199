import type { GitHub } from "../../github.js";
import type { Meeting } from "../../model.js";
import { createCheckRun } from "../../publish/create-check-run.js";
import { defaultBranchHead } from "../../publish/git-refs.js";
import { CONFIG_CHECK_NAME, configCheckReport } from "./config-check-report.js";

/**
 * Tells the home repo, where the config's author looks, that repositories of the meeting's scope
 * could not be searched (or invited teams could not be read): the config check runs again on the
 * default branch's head, naming each with its line. Once: not while the latest config check there
 * already names them all.
 */
export async function reportUnreachableScope(octokit: GitHub, meeting: Meeting, repos: string[]): Promise<void> {
  if (meeting.dryRun) return;
  const home = meeting.home;
  const sha = await defaultBranchHead(octokit, home);
  const { data } = await octokit.rest.checks.listForRef({ ...home, ref: sha, check_name: CONFIG_CHECK_NAME, filter: "latest" });
  const summary = data.check_runs[0]?.output.summary ?? "";
  // An extended file's problems are named by its file only (config-check-report.ts).
  const named = (repo: string) => summary.includes(`\`${repo}\``) || summary.includes("this check does not show them");
  if (repos.every(named)) return;
  await createCheckRun(octokit, home, await configCheckReport(octokit, home, sha));
}
