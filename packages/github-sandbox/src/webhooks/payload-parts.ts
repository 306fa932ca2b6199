import { ensureUser } from "../create-state.js";
import { serializeRepository } from "../serialize/repository.js";
import { serializeUser } from "../serialize/user.js";
import { fullName, type InstallationRecord, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";

// The parts every webhook an app receives shares: who did it, where, and for which installation.

/** `installation` as GitHub sends it to apps: just its id and node id (GitHub's legacy form). */
export function simpleInstallation(installation: InstallationRecord) {
  return { id: installation.id, node_id: Buffer.from(`023:IntegrationInstallation${installation.id}`).toString("base64") };
}

export function sender(state: SandboxState, login: string, urls: SandboxUrls) {
  return serializeUser(ensureUser(state, login), urls);
}

/** GitHub's `organization-simple-webhooks`, for an organization's repository; undefined for a user's. */
export function organizationOf(state: SandboxState, owner: string, urls: SandboxUrls) {
  const account = state.users.get(owner.toLowerCase());
  if (!account || account.type !== "Organization") return undefined;
  const api = `${urls.api}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.nodeId,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    description: null,
  };
}

/** `repository`, `organization` (when an organization owns it) and `sender`, as every repository event has. */
export function repositoryContext(state: SandboxState, repo: RepoRecord, actor: string, urls: SandboxUrls) {
  const organization = organizationOf(state, repo.owner, urls);
  return {
    repository: serializeRepository(state, repo, urls),
    ...(organization ? { organization } : {}),
    sender: sender(state, actor, urls),
  };
}

/** A repository as installation events list them. */
export function installationRepository(repo: RepoRecord) {
  return { id: repo.id, node_id: repo.nodeId, name: repo.name, full_name: fullName(repo), private: repo.visibility !== "public" };
}
