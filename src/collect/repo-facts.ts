import { createHash } from "node:crypto";
import { z } from "zod";
import type { Meeting, RepoFullName } from "../model.js";
import { FACT_MAX_AGE_MS } from "./label-fact.js";
import { mayShowRepo } from "./visibility.js";

/**
 * What a `repository.privatized` or `repository.publicized` webhook said about a repository's
 * visibility, which search may not show yet: while its index lags, search still returns a
 * repository made private as public. The `public: false` ones are kept in the state, at
 * most `FACT_MAX_AGE_MS`, so that no refresh in that time puts its items back; since the state of
 * a public home repo's issue is public, they name the repository by a hash, never by its name.
 */
export const repoFactSchema = z.object({
  /** `repoHash` of the repository's `owner/name`. */
  repo: z.string(),
  public: z.boolean(),
  /** When the change happened (ISO 8601); a later fact about the same repository wins. */
  at: z.string(),
});
export type RepoFact = z.infer<typeof repoFactSchema>;

/** What a webhook says of a repository's visibility now. */
export function repoFact(repo: string, isPublic: boolean, at: Date): RepoFact {
  return { repo: repoHash(repo), public: isPublic, at: at.toISOString() };
}

/** The repositories that are not public now as far as webhooks said: the latest fact per repository, a day at most. */
export function mergeRepoFacts(existing: RepoFact[], incoming: RepoFact[], now: Date): RepoFact[] {
  const latest = new Map<string, RepoFact>();
  for (const fact of [...existing, ...incoming]) {
    if (now.getTime() - Date.parse(fact.at) > FACT_MAX_AGE_MS) continue;
    const known = latest.get(fact.repo);
    if (!known || known.at <= fact.at) latest.set(fact.repo, fact);
  }
  return [...latest.values()].filter((fact) => !fact.public);
}

/**
 * Whether the facts say a repository is not public, and the visibility rule does not show it
 * then: its items, and the label facts about them, stay out of what the app writes.
 */
export function hiddenByFacts(meeting: Meeting, home: { private: boolean }, facts: RepoFact[]): (item: { repo: string }) => boolean {
  const hidden = new Set(facts.map((fact) => fact.repo));
  return (item) => hidden.has(repoHash(item.repo)) && !mayShowRepo(meeting, item.repo as RepoFullName, { homePrivate: home.private, repoPublic: false });
}

function repoHash(repo: string): string {
  return createHash("sha256").update(repo.toLowerCase()).digest("base64url");
}
