import type { RestApiVersion } from "../api-versions.js";

// The serializers write GitHub's objects as REST API version 2022-11-28 has them; a request that
// asks for 2026-03-10 gets them with that version's breaking changes, the ones that reach the
// objects the sandbox answers with (GitHub's breaking-changes page, and the `x-github-breaking-changes`
// patches of its description):
// - issues and pull requests lose the singular `assignee` (`assignees` stays);
// - pull requests lose `merge_commit_sha`;
// - repositories lose `has_downloads`, `use_squash_pr_title_as_default` and `master_branch`;
// - an issue's `pull_request` fields are never null: an unmerged pull request's `merged_at` is left out
//   (the description makes it a non-null string; whether GitHub leaves it out or still sends null,
//   which the description would then wrongly refuse, is not confirmed).
// The pruned description of 2026-03-10 forbids each removed field, so one the rewrite misses fails the answer.

const REPOSITORY_FIELDS_REMOVED = ["has_downloads", "use_squash_pr_title_as_default", "master_branch"];

/** `body`, a 2022-11-28 answer, as `version` words it. */
export function inApiVersion(body: unknown, version: RestApiVersion): unknown {
  return version === "2022-11-28" ? body : as20260310(body);
}

function as20260310(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(as20260310);
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(object)) {
    if (removedIn20260310(object, key)) continue;
    result[key] = key === "pull_request" && "assignees" in object ? withoutNulls(child) : as20260310(child);
  }
  return result;
}

function removedIn20260310(object: Record<string, unknown>, key: string): boolean {
  if (key === "assignee") return Array.isArray(object["assignees"]);
  if (key === "merge_commit_sha") return "merged_at" in object && "head" in object;
  return REPOSITORY_FIELDS_REMOVED.includes(key) && "full_name" in object;
}

/** An issue's `pull_request` link block without its null fields. */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== null));
}
