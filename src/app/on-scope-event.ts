import type { Context } from "probot";
import type { GitHub } from "../github.js";
import { loadRepoMeetings } from "../registry/discover-meetings.js";
import { isHomeOf } from "../collect/in-scope.js";
import { inScope } from "../collect/in-scope.js";
import { isAgendaLabel } from "../collect/is-agenda-label.js";
import { repoFact } from "../collect/repo-facts.js";
import type { Runtime } from "./runtime.js";

/**
 * A repository's visibility, name or existence changed: the meetings whose scope holds it are
 * refreshed (a repository made private leaves the agenda at once, though search may still show it
 * as public for a while), and a home repository's meetings are reloaded under its new name or
 * forgotten.
 */
export async function onRepositoryEvent(
  runtime: Runtime,
  context: Context<
    | "repository.privatized"
    | "repository.publicized"
    | "repository.renamed"
    | "repository.transferred"
    | "repository.deleted"
    | "repository.archived"
    | "repository.unarchived"
  >,
): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined) return;
  const octokit = context.octokit as GitHub;
  await runtime.ensureDiscovered(octokit, installationId);
  const repository = payload.repository;
  const repo = { owner: repository.owner.login, repo: repository.name };
  const names = [repository.full_name, ...previousNames(payload)];

  for (const name of names) {
    const isHome = (await runtime.registry.meetings(installationId)).some((meeting) => isHomeOf(meeting, name));
    if (isHome) await runtime.registry.forgetRepo(installationId, name);
  }
  if (payload.action !== "deleted" && payload.action !== "archived") {
    await loadRepoMeetings(octokit, installationId, repo, runtime.registry, runtime.log);
  }
  // Search may show the repository as it was for a while: the refresh is told its visibility now.
  const visibility = payload.action === "privatized" || payload.action === "publicized";
  const repos = visibility ? [repoFact(repository.full_name, payload.action === "publicized", runtime.now())] : [];
  for (const meeting of await runtime.registry.meetings(installationId)) {
    if (names.some((name) => inScope(meeting, name))) runtime.refresh(installationId, meeting, { repos });
  }
}

/** A label was renamed or deleted: the meetings that use it as an agenda label, in scope of the repository, are refreshed. */
export async function onLabelEvent(runtime: Runtime, context: Context<"label.edited" | "label.deleted">): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined || !payload.repository) return;
  await runtime.ensureDiscovered(context.octokit as GitHub, installationId);
  const labels = [payload.label.name];
  if (payload.action === "edited" && payload.changes?.name) labels.push(payload.changes.name.from);
  for (const meeting of await runtime.registry.meetings(installationId)) {
    const uses = labels.some((label) => isAgendaLabel(meeting, label));
    if (uses && inScope(meeting, payload.repository.full_name)) runtime.refresh(installationId, meeting);
  }
}

/** The app was installed, or its installation changed: the repositories it sees are read again. */
export async function onInstallationEvent(
  runtime: Runtime,
  context: Context<"installation" | "installation_repositories">,
): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation.id;
  const octokit = context.octokit as GitHub;
  if (context.name === "installation") {
    await runtime.forgetInstallation(installationId);
    if (payload.action === "deleted" || payload.action === "suspend") return;
    await runtime.ensureDiscovered(octokit, installationId);
    return;
  }
  if (!("repositories_added" in payload)) return;
  await runtime.ensureDiscovered(octokit, installationId);
  for (const removed of payload.repositories_removed) {
    if (removed.full_name) await runtime.registry.forgetRepo(installationId, removed.full_name);
  }
  for (const added of payload.repositories_added) {
    const [owner = "", repo = ""] = added.full_name.split("/");
    for (const meeting of await loadRepoMeetings(octokit, installationId, { owner, repo }, runtime.registry, runtime.log)) {
      runtime.refresh(installationId, meeting);
    }
  }
}

function previousNames(payload: { action: string; changes?: unknown; repository: { owner: { login: string } } }): string[] {
  const changes = payload.changes as
    | { repository?: { name?: { from: string } }; owner?: { from?: { user?: { login: string }; organization?: { login: string } } } }
    | undefined;
  const oldName = changes?.repository?.name?.from;
  const oldOwner = changes?.owner?.from?.organization?.login ?? changes?.owner?.from?.user?.login;
  if (payload.action === "renamed" && oldName) return [`${payload.repository.owner.login}/${oldName}`];
  if (payload.action === "transferred" && oldOwner) return [`${oldOwner}/${(payload as unknown as { repository: { name: string } }).repository.name}`];
  return [];
}
