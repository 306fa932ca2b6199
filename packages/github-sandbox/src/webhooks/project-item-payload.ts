import { isSubscribed } from "../app-auth/app-json.js";
import { ensureUser } from "../create-state.js";
import type { ProjectItemEvent } from "../events.js";
import { serializeUser } from "../serialize/user.js";
import { repoKey, type SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { organizationOf, sender, simpleInstallation } from "./payload-parts.js";
import type { Webhook } from "./webhook-for-event.js";

/**
 * `projects_v2_item`: an organization's event, sent to the app's installation on the organization
 * whatever its repositories (GitHub: with `organization_projects` read), without a repository.
 */
export function projectItemWebhook(state: SandboxState, event: ProjectItemEvent, urls: SandboxUrls): Webhook | undefined {
  const owner = event.project.owner.toLowerCase();
  const installation = state.installations.find((candidate) => candidate.account.toLowerCase() === owner);
  const organization = organizationOf(state, event.project.owner, urls);
  if (!installation || !isSubscribed(installation, "projects_v2_item") || !organization) return undefined;
  const { item } = event;
  const content = item.content;
  const issue = content.kind === "issue" ? state.repos.get(repoKey(...(content.repo.split("/") as [string, string])))?.issues.get(content.number) : undefined;
  const contentType = content.kind === "draft" ? "DraftIssue" : issue?.pullRequest ? "PullRequest" : "Issue";
  const contentNodeId = content.kind === "draft" ? content.nodeId : (issue?.nodeId ?? "");
  return {
    event: "projects_v2_item",
    payload: {
      action: event.action,
      projects_v2_item: {
        id: item.id,
        node_id: item.nodeId,
        project_node_id: event.project.nodeId,
        content_node_id: contentNodeId,
        content_type: contentType,
        creator: serializeUser(ensureUser(state, item.creator || event.actor), urls),
        created_at: item.createdAt,
        updated_at: item.updatedAt,
        archived_at: item.archivedAt,
      },
      ...(event.changes ? { changes: event.changes } : {}),
      organization,
      sender: sender(state, event.actor, urls),
      installation: simpleInstallation(installation),
    },
  };
}
