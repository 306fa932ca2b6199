import { randomUUID } from "node:crypto";
import type { GitHub, RepoRef } from "../github.js";
import { createRefOnce, defaultBranchHead, refSha } from "./git-refs.js";
import { statusOf } from "../github.js";

// Creating a git ref is the one write GitHub makes atomic: a second `createRef` of the same name
// fails with 422. The app claims an occurrence by creating
// `refs/agenda-drafter/<meeting>/<occurrence>` before it creates the meeting issue, so that two
// replicas (or a replica and a retried request) never both create one. The ref points at a commit
// of its own (the default branch's tree, no parent, on no branch) whose message records the claim;
// once the issue exists the ref moves to a child commit whose message names the issue, which tells
// a later run which issue belongs to the occurrence even when someone deleted its marker.

export interface ClaimTarget {
  home: RepoRef;
  meetingId: string;
  occurrenceKey: string;
}

export type ClaimState =
  | { kind: "unclaimed" }
  /** Claimed, but the claimant has not recorded an issue (yet). */
  | { kind: "claimed"; sha: string; claimedAt: string }
  | { kind: "issue"; sha: string; issueNumber: number };

/** The ref's name as `git.getRef` and `git.updateRef` take it (without `refs/`). */
function claimRefName(target: ClaimTarget): string {
  return `agenda-drafter/${target.meetingId}/${target.occurrenceKey}`;
}

/**
 * The claim commit when this call claimed the occurrence; undefined when someone else holds it.
 * A claim whose answer was lost is this process's own when the ref points at its commit.
 */
export async function claimOccurrence(octokit: GitHub, target: ClaimTarget): Promise<string | undefined> {
  const { owner, repo } = target.home;
  const tree = await defaultBranchTree(octokit, target.home);
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    tree,
    parents: [],
    message: `agenda-drafter: claim ${target.meetingId} ${target.occurrenceKey}${claimantLine()}`,
  });
  const held = await createRefOnce(octokit, target.home, `refs/${claimRefName(target)}`, commit.sha);
  return held === commit.sha ? commit.sha : undefined;
}

/**
 * Takes over a claim whose claimant died before creating the issue. A non-forced ref update is a
 * compare-and-swap (it must fast-forward from the stale commit), so of two processes taking over
 * one wins. The new claim commit when this call won; undefined otherwise.
 */
export async function takeOverStaleClaim(octokit: GitHub, target: ClaimTarget, staleSha: string): Promise<string | undefined> {
  const { owner, repo } = target.home;
  const { data: stale } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: staleSha });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    tree: stale.tree.sha,
    parents: [staleSha],
    message: `agenda-drafter: claim ${target.meetingId} ${target.occurrenceKey} (the earlier claim went stale)${claimantLine()}`,
  });
  try {
    await octokit.rest.git.updateRef({ owner, repo, ref: claimRefName(target), sha: commit.sha, force: false });
    return commit.sha;
  } catch (error) {
    if (statusOf(error) === 422) return undefined;
    throw error;
  }
}

/** Moves the claim to a commit naming the issue that now belongs to the occurrence. */
export async function recordClaimedIssue(
  octokit: GitHub,
  target: ClaimTarget,
  claimSha: string | undefined,
  issueNumber: number,
): Promise<void> {
  const { owner, repo } = target.home;
  const parent = claimSha ?? (await refSha(octokit, target.home, claimRefName(target)));
  if (parent === undefined) return;
  const { data: parentCommit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: parent });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    tree: parentCommit.tree.sha,
    parents: [parent],
    message: `agenda-drafter: ${target.meetingId} ${target.occurrenceKey} is #${issueNumber}`,
  });
  await octokit.rest.git.updateRef({ owner, repo, ref: claimRefName(target), sha: commit.sha, force: false });
}

export async function readClaim(octokit: GitHub, target: ClaimTarget): Promise<ClaimState> {
  const sha = await refSha(octokit, target.home, claimRefName(target));
  if (sha === undefined) return { kind: "unclaimed" };
  const { data: commit } = await octokit.rest.git.getCommit({ ...target.home, commit_sha: sha });
  const recorded = / is #(\d+)$/.exec(commit.message.split("\n")[0] ?? "");
  if (recorded) return { kind: "issue", sha, issueNumber: Number(recorded[1]) };
  return { kind: "claimed", sha, claimedAt: commit.committer.date };
}

/**
 * A claim that records an issue is final: the app never moves it again. A process keeps those it
 * has read, so that the refreshes a burst of events sets off read each occurrence's claim once.
 */
export class RecordedClaims {
  readonly #recorded = new Map<string, ClaimState>();

  async read(octokit: GitHub, target: ClaimTarget): Promise<ClaimState> {
    const key = `${target.home.owner}/${target.home.repo}/${claimRefName(target)}`.toLowerCase();
    const known = this.#recorded.get(key);
    if (known) return known;
    const claim = await readClaim(octokit, target);
    if (claim.kind === "issue") this.#recorded.set(key, claim);
    return claim;
  }
}

/**
 * A line that makes each claim commit unique: two processes claiming in the same second would
 * otherwise make the same commit, and each would take the ref's pointing at it for its own claim.
 */
function claimantLine(): string {
  return `\n\nclaimant ${randomUUID()}`;
}

async function defaultBranchTree(octokit: GitHub, home: RepoRef): Promise<string> {
  const { data: commit } = await octokit.rest.git.getCommit({ ...home, commit_sha: await defaultBranchHead(octokit, home) });
  return commit.tree.sha;
}
