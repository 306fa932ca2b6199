import { serializeInstallation } from "../app-auth/app-json.js";
import { repoKey, type RepoRecord, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import type { InstallationChange } from "../server/installation-control.js";
import { installationRepository, sender } from "./payload-parts.js";
import type { Webhook } from "./webhook-for-event.js";

/** The `installation` or `installation_repositories` webhook of an installation change made by `actor`. */
export function installationWebhook(state: SandboxState, change: InstallationChange, appId: number, actor: string, urls: SandboxUrls): Webhook {
  const repositories = change.repositories
    .map((name) => state.repos.get(repoKey(change.installation.account, name)))
    .filter((repo): repo is RepoRecord => repo !== undefined)
    .map(installationRepository);
  const common = {
    installation: serializeInstallation(state, change.installation, appId, urls),
    sender: sender(state, actor, urls),
  };
  if (change.action === "created" || change.action === "deleted") {
    return { event: "installation", payload: { action: change.action, ...common, repositories, requester: null } };
  }
  return {
    event: "installation_repositories",
    payload: {
      action: change.action,
      ...common,
      repository_selection: change.installation.repositories === "all" ? "all" : "selected",
      repositories_added: change.action === "added" ? repositories : [],
      repositories_removed: change.action === "removed" ? repositories : [],
      requester: null,
    },
  };
}
