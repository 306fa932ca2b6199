import { installationPermissions } from "./app-auth/app-json.js";
import { type InstallationRecord, type RepoRecord, type RepoRole, type SandboxState } from "./state.js";

/**
 * The kinds of token a person holds: a classic personal access token (the sandbox's
 * `user:<login>`), a GitHub App user-to-server token (`ghu_<login>`) or a fine-grained personal
 * access token (`github_pat_<login>`). They differ where GitHub treats them differently: only a
 * classic token may search issues and pull requests together.
 */
export type UserTokenKind = "classic" | "app-user" | "fine-grained";

/** Who sends a request: the app acting as one or more installations, or a user (with a classic token unless said). */
export type Actor =
  | { kind: "installation"; installations: InstallationRecord[] }
  | { kind: "user"; login: string; token?: UserTokenKind };

const USER_TOKEN_FORMS: [RegExp, UserTokenKind][] = [
  [/^user:([A-Za-z0-9][A-Za-z0-9-]*)$/, "classic"],
  [/^ghu_([A-Za-z0-9][A-Za-z0-9-]*)$/, "app-user"],
  [/^github_pat_([A-Za-z0-9][A-Za-z0-9-]*)$/, "fine-grained"],
];

/** The person a user token form names, and the token's kind; undefined for any other token. */
export function userToken(token: string): { login: string; token: UserTokenKind } | undefined {
  for (const [form, kind] of USER_TOKEN_FORMS) {
    const login = form.exec(token)?.[1];
    if (login) return { login, token: kind };
  }
  return undefined;
}

/** The token form that authenticates as `actor` again. */
export function userTokenText(login: string, kind: UserTokenKind = "classic"): string {
  return kind === "classic" ? `user:${login}` : kind === "app-user" ? `ghu_${login}` : `github_pat_${login}`;
}

export type Permission = RepoRole | "none";

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function atLeast(permission: Permission, needed: Permission): boolean {
  return RANK[permission] >= RANK[needed];
}

export function isInstalledOn(actor: Actor, repo: RepoRecord): boolean {
  return actor.kind === "installation" && actor.installations.some((installation) => covers(installation, repo));
}

/** The installation that covers a repository: GitHub sends an app the events of its installed repositories only. */
export function installationCovering(state: SandboxState, repo: RepoRecord): InstallationRecord | undefined {
  return state.installations.find((installation) => covers(installation, repo));
}

function covers(installation: InstallationRecord, repo: RepoRecord): boolean {
  return (
    installation.account.toLowerCase() === repo.owner.toLowerCase() &&
    (installation.repositories === "all" || installation.repositories.has(repo.name.toLowerCase()))
  );
}

/**
 * The actor's permission on a repository, computed as GitHub does: the highest of the public
 * read everyone has, org ownership, the org's base permission for members (internal repositories
 * are readable by every member), team roles and collaborator roles. An installation writes to
 * the repositories it is installed on and reads public ones.
 */
export function repoPermission(state: SandboxState, actor: Actor, repo: RepoRecord): Permission {
  const everyone: Permission = repo.visibility === "public" ? "read" : "none";
  if (actor.kind === "installation") return isInstalledOn(actor, repo) ? "write" : everyone;

  const login = actor.login.toLowerCase();
  const grants: Permission[] = [everyone];
  const org = state.orgs.get(repo.owner.toLowerCase());
  if (org) {
    if (org.owners.has(login)) grants.push("admin");
    if (org.members.has(login)) {
      grants.push(org.basePermission);
      if (repo.visibility === "internal") grants.push("read");
    }
    for (const team of org.teams.values()) {
      const role = team.repos.get(repo.name.toLowerCase());
      if (role && team.members.has(login)) grants.push(role);
    }
  } else if (repo.owner.toLowerCase() === login) {
    grants.push("admin");
  }
  const collaborator = repo.collaborators.get(login);
  if (collaborator) grants.push(collaborator);
  return grants.reduce((best, grant) => (RANK[grant] > RANK[best] ? grant : best), "none");
}

/** What the control endpoints answer when `sender`, a person, has less than `needed` on the repository; undefined when they have it. */
export function senderLacks(state: SandboxState, sender: string, repo: RepoRecord, needed: Permission): string | undefined {
  if (atLeast(repoPermission(state, { kind: "user", login: sender }, repo), needed)) return undefined;
  return `sender: ${sender} needs ${needed} access to ${repo.owner}/${repo.name}`;
}

export function canRead(state: SandboxState, actor: Actor, repo: RepoRecord): boolean {
  return atLeast(repoPermission(state, actor, repo), "read");
}

/** Whether an app's installation was granted write on `permission` (`issues`, `checks`...), beyond writing to the repositories it is on. */
export function installationMayWrite(actor: Extract<Actor, { kind: "installation" }>, permission: string): boolean {
  return actor.installations.some((installation) => installationPermissions(installation)[permission] === "write");
}

/**
 * The actor's permission on a repository's discussions: a person's (or a workflow token's) on the
 * repository; an app's installation also needs its `discussions` permission, and reads only with
 * `discussions: read` (labelling takes `discussions: write`). "none" on a repository the actor can read means GitHub's FORBIDDEN.
 */
export function discussionPermission(state: SandboxState, actor: Actor, repo: RepoRecord): Permission {
  const permission = repoPermission(state, actor, repo);
  if (actor.kind === "user" || actor.installations.some((installation) => installation.app === "github-actions")) return permission;
  const granted = actor.installations.map((installation) => installationPermissions(installation)["discussions"]);
  if (granted.includes("write")) return permission;
  if (granted.includes("read")) return atLeast(permission, "read") ? "read" : "none";
  return "none";
}
