import type { RepoRecord } from "./state.js";

/**
 * What GitHub refuses in moving an issue or a discussion from `from` to `target`, whoever asks:
 * another owner's repository, and a public one for an item of a private or internal repository
 * (which would publish it). Undefined when the move is allowed.
 */
export function transferRefusal(kind: "issue" | "discussion", from: RepoRecord, target: RepoRecord): string | undefined {
  if (target === from) return `to: the ${kind} is already in ${from.owner}/${from.name}`;
  const article = kind === "issue" ? "an issue" : "a discussion";
  if (target.owner.toLowerCase() !== from.owner.toLowerCase()) return `to: ${article} moves only between repositories of ${from.owner}`;
  if (from.visibility !== "public" && target.visibility === "public") return `to: ${article} of ${from.visibility === "internal" ? "an internal" : "a private"} repository cannot move to a public one`;
  return undefined;
}
