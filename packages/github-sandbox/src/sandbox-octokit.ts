import type { ProbotOctokit } from "probot";

/**
 * The Octokit clients the sandbox hands out: Probot's, as an app's `context.octokit` is, so that
 * the code under test takes them as it takes GitHub's.
 */
export type SandboxOctokit = InstanceType<typeof ProbotOctokit>;
