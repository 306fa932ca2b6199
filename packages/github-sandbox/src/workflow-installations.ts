import { repoKey, takeId, type InstallationRecord, type SandboxState } from "./state.js";

/**
 * GitHub Actions' installation in one repository, as a workflow run's `GITHUB_TOKEN` acts: it
 * writes to that repository only, reads public ones, and its changes come from `github-actions[bot]`.
 */
export function workflowInstallation(state: SandboxState, owner: string, repo: string): InstallationRecord {
  const repository = state.repos.get(repoKey(owner, repo));
  if (!repository) throw new Error(`The sandbox has no repository ${owner}/${repo} to run a workflow in`);
  const installations = (state.workflowInstallations ??= []);
  const found = installations.find(
    (installation) => installation.account === repository.owner && installation.repositories !== "all" && installation.repositories.has(repository.name.toLowerCase()),
  );
  if (found) return found;
  const created: InstallationRecord = { id: takeId(state), account: repository.owner, repositories: new Set([repository.name.toLowerCase()]), app: "github-actions" };
  installations.push(created);
  return created;
}

/** An installation by id: the app's, or GitHub Actions' of a workflow token. */
export function installationById(state: SandboxState, id: number): InstallationRecord | undefined {
  return [...state.installations, ...(state.workflowInstallations ?? [])].find((installation) => installation.id === id);
}
