import { flattenTree, storeFlatTree, type FlatEntry } from "./git-store.js";
import type { RepoRecord } from "./state.js";

export type TreeMerge = { clean: true; tree: string } | { clean: false; conflicts: string[] };

/**
 * A three-way merge of whole files, as GitHub's merge button does when no file was changed on
 * both sides differently: each side's changes since `baseTree` are kept; a file changed
 * differently on both sides is a conflict.
 */
export function mergeTrees(repo: RepoRecord, baseTree: string | undefined, oursTree: string, theirsTree: string): TreeMerge {
  const base = baseTree ? flattenTree(repo, baseTree) : new Map<string, FlatEntry>();
  const ours = flattenTree(repo, oursTree);
  const theirs = flattenTree(repo, theirsTree);
  const merged = new Map<string, FlatEntry>();
  const conflicts: string[] = [];
  for (const path of new Set([...base.keys(), ...ours.keys(), ...theirs.keys()])) {
    const [original, mine, other] = [base.get(path), ours.get(path), theirs.get(path)];
    const chosen = same(mine, other) || same(original, other) ? mine : same(original, mine) ? other : "conflict";
    if (chosen === "conflict") conflicts.push(path);
    else if (chosen) merged.set(path, chosen);
  }
  return conflicts.length > 0 ? { clean: false, conflicts } : { clean: true, tree: storeFlatTree(repo, merged) };
}

function same(a: FlatEntry | undefined, b: FlatEntry | undefined): boolean {
  return a?.sha === b?.sha && a?.mode === b?.mode;
}
