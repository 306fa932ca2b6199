import { flattenTree, type FlatEntry } from "../git-store.js";
import { fullName, type RepoRecord } from "../state.js";
import type { SandboxUrls } from "../urls.js";

/** GitHub's `diff-entry` list of the files that differ between two trees, by path; `ref` names the newer side in URLs. */
export function diffEntries(repo: RepoRecord, beforeTree: string | undefined, afterTree: string, ref: string, urls: SandboxUrls) {
  const before = beforeTree ? flattenTree(repo, beforeTree) : new Map<string, FlatEntry>();
  const after = flattenTree(repo, afterTree);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path)?.sha !== after.get(path)?.sha).sort();
  return paths.map((path) => {
    const [old, current] = [before.get(path), after.get(path)];
    const { additions, deletions } = countChangedLines(lines(repo, old), lines(repo, current));
    const shown = current ?? old;
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return {
      sha: shown?.sha ?? "",
      filename: path,
      status: !old ? ("added" as const) : !current ? ("removed" as const) : ("modified" as const),
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${urls.web}/${fullName(repo)}/blob/${ref}/${encoded}`,
      raw_url: `${urls.web}/${fullName(repo)}/raw/${ref}/${encoded}`,
      contents_url: `${urls.api}/repos/${fullName(repo)}/contents/${encoded}?ref=${ref}`,
    };
  });
}

function lines(repo: RepoRecord, file: FlatEntry | undefined): string[] {
  const blob = file ? repo.objects.get(file.sha) : undefined;
  if (blob?.type !== "blob" || blob.content.length === 0) return [];
  return blob.content.toString("utf8").replace(/\n$/, "").split("\n");
}

/** Lines only one side has, counted as a multiset: close to git's numbers for the edits minutes see. */
function countChangedLines(before: string[], after: string[]): { additions: number; deletions: number } {
  const remaining = new Map<string, number>();
  for (const line of before) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of after) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) remaining.set(line, count - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return { additions, deletions };
}
