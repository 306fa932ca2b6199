import type { GitHub, RepoRef } from "../github.js";
import { createCheckRun } from "./create-check-run.js";
import { defaultBranchHead } from "./git-refs.js";

export const ISSUE_CHECK_NAME = "agenda-drafter issue";

/**
 * Says, where the group looks, that the meeting issue was left as it was because the new body
 * would be longer than GitHub allows: a failing check run on the home repo's default branch.
 */
export async function reportOversizeBody(octokit: GitHub, home: RepoRef, message: string): Promise<void> {
  await createCheckRun(octokit, home, {
    name: ISSUE_CHECK_NAME,
    headSha: await defaultBranchHead(octokit, home),
    conclusion: "failure",
    title: "The meeting issue was not updated",
    summary: message,
    annotations: [],
  });
}
