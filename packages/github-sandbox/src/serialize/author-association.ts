import { type RepoRecord, type SandboxState } from "../state.js";

export type AuthorAssociation = "OWNER" | "MEMBER" | "COLLABORATOR" | "CONTRIBUTOR" | "NONE";

/** How GitHub describes an author's relation to a repository next to their issues and comments. */
export function authorAssociation(state: SandboxState, repo: RepoRecord, login: string | null): AuthorAssociation {
  if (login === null) return "NONE";
  const key = login.toLowerCase();
  if (repo.owner.toLowerCase() === key) return "OWNER";
  if (state.orgs.get(repo.owner.toLowerCase())?.members.has(key)) return "MEMBER";
  if (repo.collaborators.has(key)) return "COLLABORATOR";
  return "NONE";
}
