import { takeId, repoKey, type InstallationRecord, type SandboxState } from "../state.js";

// Installing, uninstalling and changing the repositories of the app happen on GitHub's web pages;
// the sandbox offers them as control endpoints so tests can send the webhooks they cause.

export interface InstallationChange {
  action: "created" | "deleted" | "added" | "removed";
  installation: InstallationRecord;
  /** Lower-cased names of the repositories the change is about. */
  repositories: string[];
}

export function installApp(state: SandboxState, account: string, repositories: "all" | string[]): InstallationChange | string {
  const org = state.orgs.get(account.toLowerCase());
  if (!org) return `account: ${account} is not an organization of the sandbox`;
  if (state.installations.some((installation) => installation.account.toLowerCase() === account.toLowerCase())) {
    return `account: the app is already installed on ${account}`;
  }
  const names = repositories === "all" ? reposOf(state, org.login) : repositories.map((name) => name.toLowerCase());
  const unknown = names.find((name) => !state.repos.has(repoKey(org.login, name)));
  if (unknown) return `repositories: ${org.login}/${unknown} does not exist`;
  const installation: InstallationRecord = { id: takeId(state), account: org.login, repositories: repositories === "all" ? "all" : new Set(names) };
  state.installations.push(installation);
  return { action: "created", installation, repositories: names };
}

export function uninstallApp(state: SandboxState, installationId: number): InstallationChange | string {
  const index = state.installations.findIndex((installation) => installation.id === installationId);
  const installation = state.installations[index];
  if (!installation) return `installation ${installationId} does not exist`;
  state.installations.splice(index, 1);
  return { action: "deleted", installation, repositories: installedRepos(state, installation) };
}

/** Adds or removes repositories of an installation that lists them; one for "all" first becomes a list. */
export function changeInstalledRepos(
  state: SandboxState,
  installationId: number,
  change: { add?: string[]; remove?: string[] },
): InstallationChange[] | string {
  const installation = state.installations.find((candidate) => candidate.id === installationId);
  if (!installation) return `installation ${installationId} does not exist`;
  const installed = new Set(installedRepos(state, installation));
  const add = (change.add ?? []).map((name) => name.toLowerCase()).filter((name) => !installed.has(name));
  const remove = (change.remove ?? []).map((name) => name.toLowerCase()).filter((name) => installed.has(name));
  const unknown = add.find((name) => !state.repos.has(repoKey(installation.account, name)));
  if (unknown) return `add: ${installation.account}/${unknown} does not exist`;
  for (const name of add) installed.add(name);
  for (const name of remove) installed.delete(name);
  installation.repositories = installed;
  return [
    ...(add.length ? [{ action: "added" as const, installation, repositories: add }] : []),
    ...(remove.length ? [{ action: "removed" as const, installation, repositories: remove }] : []),
  ];
}

function installedRepos(state: SandboxState, installation: InstallationRecord): string[] {
  return installation.repositories === "all" ? reposOf(state, installation.account) : [...installation.repositories];
}

function reposOf(state: SandboxState, account: string): string[] {
  return [...state.repos.values()].filter((repo) => repo.owner.toLowerCase() === account.toLowerCase()).map((repo) => repo.name.toLowerCase());
}
