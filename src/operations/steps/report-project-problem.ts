import type { GitHub } from "../../github.js";
import type { Meeting } from "../../model.js";
import { createCheckRun } from "../../publish/create-check-run.js";
import { defaultBranchHead } from "../../publish/git-refs.js";
import { CONFIG_CHECK_NAME, configCheckReport } from "./config-check-report.js";

/**
 * Tells the home repo that the meeting's board could not be read (gone, renumbered, the app's
 * access removed) or is private while the issues are public: the config check runs again on the
 * default branch's head, naming the key. Once: not while the latest config check there already
 * names the meeting's `sources.project`.
 */
export async function reportProjectProblem(octokit: GitHub, meeting: Meeting): Promise<void> {
  if (meeting.dryRun) return;
  const home = meeting.home;
  const sha = await defaultBranchHead(octokit, home);
  const { data } = await octokit.rest.checks.listForRef({ ...home, ref: sha, check_name: CONFIG_CHECK_NAME, filter: "latest" });
  const summary = data.check_runs[0]?.output.summary ?? "";
  if (summary.includes(`meetings.${meeting.id}.sources.project`) || summary.includes("this check does not show them")) return;
  await createCheckRun(octokit, home, await configCheckReport(octokit, home, sha));
}
