import type { RepoRecord } from "./state.js";

// Walking commit history as git does, over every parent.

/** `sha` and every commit it descends from. */
export function ancestry(repo: RepoRecord, sha: string): Set<string> {
  const seen = new Set<string>();
  const pending = [sha];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (seen.has(current)) continue;
    const commit = repo.objects.get(current);
    if (commit?.type !== "commit") continue;
    seen.add(current);
    pending.push(...commit.parents);
  }
  return seen;
}

export function isAncestor(repo: RepoRecord, ancestor: string, sha: string): boolean {
  return ancestry(repo, sha).has(ancestor);
}

/** The newest commit both descend from (breadth first from `b`), or undefined for unrelated histories. */
export function mergeBase(repo: RepoRecord, a: string, b: string): string | undefined {
  const ofA = ancestry(repo, a);
  const queue = [b];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (ofA.has(current)) return current;
    if (seen.has(current)) continue;
    seen.add(current);
    const commit = repo.objects.get(current);
    if (commit?.type === "commit") queue.push(...commit.parents);
  }
  return undefined;
}

/** The commits `head` has that `base` lacks, oldest first. */
export function commitsAhead(repo: RepoRecord, base: string, head: string): string[] {
  const known = ancestry(repo, base);
  return [...ancestry(repo, head)].filter((sha) => !known.has(sha)).reverse();
}
