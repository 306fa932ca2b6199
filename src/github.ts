import { ProbotOctokit } from "probot";

/** The GitHub client every step that talks to GitHub receives: Probot's Octokit, as in `context.octokit`. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}
