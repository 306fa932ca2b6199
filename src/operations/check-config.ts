import type { GitHub, RepoRef } from "../github.js";
import type { Log } from "../log.js";
import { createCheckRun } from "../publish/create-check-run.js";
import { configCheckReport, touchesConfig } from "./steps/config-check-report.js";

export { touchesConfig };

/**
 * The config check of one commit that changed `.github/agenda-drafter.yml` or a meeting's
 * template: every problem as an annotation where the person who made it looks, on the commit.
 */
export async function checkConfig(octokit: GitHub, repo: RepoRef, sha: string, log: Log): Promise<void> {
  // 1. The config file and the templates as they are at this commit, checked.
  const report = await configCheckReport(octokit, repo, sha);
  log.info(`${repo.owner}/${repo.repo}@${sha.slice(0, 7)}: config check ${report.conclusion}: ${report.title}`);
  // 2. The check run on the commit.
  await createCheckRun(octokit, repo, report);
}
