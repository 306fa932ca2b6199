import type { GitHub, RepoRef } from "../../github.js";
import type { Meeting, Occurrence } from "../../model.js";
import { createRefOnce, refSha } from "../git-refs.js";
import { NOT_RETRIED, writeOnce } from "../write-once.js";
import { statusOf } from "../../github.js";
import { gitBlobSha } from "./git-blob-sha.js";
import { minutesBranchName, minutesCommitMessage, minutesPullRequestText, trailerBlobSha } from "./minutes-pull-request-text.js";

export interface MinutesRequest {
  meeting: Meeting;
  occurrence: Occurrence;
  /** The minutes skeleton, rendered from the frozen agenda. */
  content: string;
  /** Where it goes in the home repository: `minutes.path` filled in (renderMinutesPath). */
  path: string;
  /** The meeting issue's web URL, which the pull request body links. */
  issueUrl: string;
}

export interface PullRequestRef {
  number: number;
  url: string;
}

/** What became of the minutes file on the branch this run. */
export type MinutesFile = "written" | "rewritten" | "unchanged" | "person-pushed";

export type MinutesOutcome =
  /** This run opened the pull request (after creating the branch, or finding it from a failed run). */
  | { kind: "opened"; pullRequest: PullRequestRef; file: MinutesFile }
  /** It was open already. */
  | { kind: "open"; pullRequest: PullRequestRef; file: MinutesFile }
  /** Merged or closed: never opened again, its branch never touched. */
  | { kind: "closed"; pullRequest: PullRequestRef; merged: boolean }
  /** The default branch has a file at the minutes path already; nothing was written. */
  | { kind: "file-exists"; path: string; url: string }
  | { kind: "dry-run" };

/**
 * Opens the minutes pull request of one occurrence: a branch `agenda-drafter/<meeting>/<date>`
 * from the default branch's head, a commit of the skeleton at the minutes path, and the pull
 * request. Every step looks before it writes, so a second run creates nothing twice and a run
 * that stopped half-way completes the work. While the pull request is open and the branch's head
 * is still the app's commit, the file is brought up to `content`.
 */
export async function openMinutesPullRequest(
  octokit: GitHub,
  request: MinutesRequest,
  options: { log: { info: (message: string) => void } },
): Promise<MinutesOutcome> {
  const { meeting, occurrence } = request;
  const home = meeting.home;
  const branch = minutesBranchName(meeting, occurrence);

  const existing = await findPullRequest(octokit, home, branch);
  if (existing && existing.state === "closed") {
    return { kind: "closed", pullRequest: existing.ref, merged: existing.merged };
  }

  const { data: repository } = await octokit.rest.repos.get({ ...home });
  const base = repository.default_branch;
  const branchHead = await refSha(octokit, home, `heads/${branch}`);
  if (branchHead === undefined) {
    const onDefault = await fileSha(octokit, home, request.path, base);
    if (onDefault !== undefined) {
      return { kind: "file-exists", path: request.path, url: `${repository.html_url}/blob/${base}/${encodePath(request.path)}` };
    }
  }
  if (meeting.dryRun) {
    options.log.info(`dry run: would open the minutes of ${meeting.id} ${occurrence.date} in ${home.owner}/${home.repo}`);
    return { kind: "dry-run" };
  }

  let file: MinutesFile;
  if (branchHead === undefined) {
    const baseHead = await refSha(octokit, home, `heads/${base}`);
    if (baseHead === undefined) throw new Error(`${home.owner}/${home.repo} has no branch "${base}" to start the minutes from.`);
    const commit = await commitMinutes(octokit, request, baseHead);
    if ((await createRefOnce(octokit, home, `refs/heads/${branch}`, commit)) !== commit) {
      throw new Error(`${home.owner}/${home.repo}: the branch ${branch} appeared while the minutes were written; the next run takes it up.`);
    }
    file = "written";
  } else {
    file = await refreshMinutesFile(octokit, request, branch, branchHead);
  }

  if (existing) return { kind: "open", pullRequest: existing.ref, file };
  const text = minutesPullRequestText(meeting, occurrence, request.issueUrl, request.path);
  try {
    const created = await createPullRequestOnce(octokit, home, { head: branch, base, ...text });
    options.log.info(`opened the minutes of ${meeting.id} ${occurrence.date}: ${created.url}`);
    return { kind: "opened", pullRequest: created, file };
  } catch (error) {
    // Another replica opened it between our look and our create.
    const raced = statusOf(error) === 422 ? await findPullRequest(octokit, home, branch) : undefined;
    if (!raced) throw error;
    return raced.state === "closed"
      ? { kind: "closed", pullRequest: raced.ref, merged: raced.merged }
      : { kind: "open", pullRequest: raced.ref, file };
  }
}

/** Opens the pull request once: after a 5xx or a lost answer, the pull request from the branch is looked for first. */
function createPullRequestOnce(octokit: GitHub, home: RepoRef, pull: { head: string; base: string; title: string; body: string }): Promise<PullRequestRef> {
  return writeOnce(
    async () => {
      const { data } = await octokit.rest.pulls.create({ ...home, ...pull, request: NOT_RETRIED });
      return { number: data.number, url: data.html_url };
    },
    async () => (await findPullRequest(octokit, home, pull.head))?.ref,
  );
}

/** Rewrites the file on the branch when its head is the app's own commit and the content differs. */
async function refreshMinutesFile(octokit: GitHub, request: MinutesRequest, branch: string, head: string): Promise<MinutesFile> {
  const home = request.meeting.home;
  const { data: headCommit } = await octokit.rest.git.getCommit({ ...home, commit_sha: head });
  const written = trailerBlobSha(headCommit.message, request.meeting, request.occurrence);
  const current = await fileSha(octokit, home, request.path, branch);
  if (written === undefined || current !== written) return "person-pushed";
  if (current === gitBlobSha(request.content)) return "unchanged";
  const commit = await commitMinutes(octokit, request, head);
  // Not forced: a person's push since we read the head makes this fail instead of losing it.
  await octokit.rest.git.updateRef({ ...home, ref: `heads/${branch}`, sha: commit, force: false });
  return "rewritten";
}

async function commitMinutes(octokit: GitHub, request: MinutesRequest, parent: string): Promise<string> {
  const home = request.meeting.home;
  const { data: parentCommit } = await octokit.rest.git.getCommit({ ...home, commit_sha: parent });
  const { data: tree } = await octokit.rest.git.createTree({
    ...home,
    base_tree: parentCommit.tree.sha,
    tree: [{ path: request.path, mode: "100644", type: "blob", content: request.content }],
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...home,
    tree: tree.sha,
    parents: [parent],
    message: minutesCommitMessage(request.meeting, request.occurrence, gitBlobSha(request.content)),
  });
  return commit.sha;
}

interface FoundPullRequest {
  ref: PullRequestRef;
  state: "open" | "closed";
  merged: boolean;
}

/** The pull request from the branch, in any state: a closed one's branch may be long deleted. */
async function findPullRequest(octokit: GitHub, home: RepoRef, branch: string): Promise<FoundPullRequest | undefined> {
  const { data: pulls } = await octokit.rest.pulls.list({ ...home, head: `${home.owner}:${branch}`, state: "all", per_page: 100 });
  // An open one wins over one closed earlier; among several, the newest.
  const chosen = pulls.find((pull) => pull.state === "open") ?? pulls[0];
  if (!chosen) return undefined;
  return {
    ref: { number: chosen.number, url: chosen.html_url },
    state: chosen.state === "open" ? "open" : "closed",
    merged: chosen.merged_at !== null,
  };
}

async function fileSha(octokit: GitHub, home: RepoRef, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...home, path, ref });
    return Array.isArray(data) ? undefined : data.sha;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
