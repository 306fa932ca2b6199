import { installationCovering } from "../access.js";
import { isSubscribed } from "../app-auth/app-json.js";
import type { SandboxEvent } from "../events.js";
import { serializeComment } from "../serialize/comment.js";
import { serializeIssue } from "../serialize/issue.js";
import { serializeLabel } from "../serialize/label.js";
import { serializePullRequest } from "../serialize/pull-request.js";
import { serializeRepository } from "../serialize/repository.js";
import type { PullRequestIssue, SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { ensureUser } from "../create-state.js";
import { serializeUser } from "../serialize/user.js";
import { organizationOf, repositoryContext, sender, simpleInstallation } from "./payload-parts.js";
import { discussionWebhook } from "./discussion-payload.js";
import { projectItemWebhook } from "./project-item-payload.js";
import { pushPayload } from "./push-payload.js";

export interface Webhook {
  /** `X-GitHub-Event`. */
  event: string;
  payload: Record<string, unknown>;
}

/**
 * The webhook GitHub sends the app for a change, built from the state at the moment of the change;
 * undefined when the app would get none (the repository is not installed, the app subscribes to no
 * such event, or GitHub sends apps no webhook for that change).
 */
export function webhookForEvent(state: SandboxState, event: SandboxEvent, urls: SandboxUrls): Webhook | undefined {
  if (event.name === "projects_v2_item") return projectItemWebhook(state, event, urls);
  if (event.name === "membership") return membershipWebhook(state, event, urls);
  const installation = installationCovering(state, event.repo);
  if (!installation || !isSubscribed(installation, event.name)) return undefined;
  const context = { ...repositoryContext(state, event.repo, event.actor, urls), installation: simpleInstallation(installation) };

  switch (event.name) {
    case "issues":
      return { event: "issues", payload: { ...issuesPayload(state, event, urls), ...context } };
    case "issue_comment": {
      const changes = event.changes ? { changes: event.changes } : {};
      return {
        event: "issue_comment",
        payload: {
          action: event.action,
          issue: serializeIssue(state, event.repo, event.issue, urls),
          comment: serializeComment(state, event.repo, event.issue, event.comment, urls),
          ...changes,
          ...context,
        },
      };
    }
    case "pull_request": {
      const pull = serializePullRequest(state, event.repo, event.issue as PullRequestIssue, urls);
      const label = "label" in event ? { label: serializeLabel(event.label, event.repo, urls) } : {};
      // Pull request payloads give an empty body as "" where issue payloads give null.
      const bodyFrom = "changes" in event && event.changes?.body ? { body: { from: event.changes.body.from ?? "" } } : {};
      const changes = "changes" in event && event.changes ? { changes: { ...event.changes, ...bodyFrom } } : {};
      const moved = event.action === "synchronize" ? { before: event.before, after: event.after } : {};
      return { event: "pull_request", payload: { action: event.action, number: event.issue.number, pull_request: pull, ...label, ...changes, ...moved, ...context } };
    }
    case "push":
      return { event: "push", payload: { ...pushPayload(state, event, urls), installation: context.installation } };
    case "create":
    case "delete":
      return {
        event: event.name,
        payload: {
          ref: event.ref,
          ref_type: event.refType,
          ...(event.name === "create" ? { master_branch: event.repo.defaultBranch, description: event.repo.description } : {}),
          pusher_type: "user",
          ...context,
        },
      };
    case "repository":
      return { event: "repository", payload: { action: event.action, ...context } };
    case "discussion":
      return discussionWebhook(state, event, installation, context, urls);
  }
}

/** An `issues` payload's own part, without the repository, sender and installation every payload has. */
function issuesPayload(state: SandboxState, event: Extract<SandboxEvent, { name: "issues" | "pull_request" }>, urls: SandboxUrls): Record<string, unknown> {
  if (event.action === "transferred") {
    const newRepository = serializeRepository(state, event.newRepo, urls);
    const newIssue = serializeIssue(state, event.newRepo, event.newIssue, urls);
    return { action: "transferred", changes: { new_issue: newIssue, new_repository: newRepository }, issue: serializeIssue(state, event.repo, event.issue, urls) };
  }
  const label = "label" in event ? { label: serializeLabel(event.label, event.repo, urls) } : {};
  const changes = "changes" in event && event.changes ? { changes: event.changes } : {};
  return { action: event.action, issue: serializeIssue(state, event.repo, event.issue, urls), ...label, ...changes };
}

/** `membership`, an organization's event: sent to the app installed on the organization. */
function membershipWebhook(state: SandboxState, event: Extract<SandboxEvent, { name: "membership" }>, urls: SandboxUrls): Webhook | undefined {
  const installation = state.installations.find((each) => !each.app && each.account.toLowerCase() === event.org.login.toLowerCase());
  const organization = organizationOf(state, event.org.login, urls);
  if (!installation || !isSubscribed(installation, "membership") || !organization) return undefined;
  const { team } = event;
  const teamUrl = `${urls.api}/organizations/${organization.id}/team/${team.id}`;
  return {
    event: "membership",
    payload: {
      action: event.action,
      scope: "team",
      member: serializeUser(ensureUser(state, event.member), urls),
      team: {
        id: team.id,
        node_id: team.nodeId,
        name: team.name,
        slug: team.slug,
        description: null,
        privacy: "closed",
        notification_setting: "notifications_enabled",
        permission: "pull",
        url: teamUrl,
        html_url: `${urls.web}/orgs/${event.org.login}/teams/${team.slug}`,
        members_url: `${teamUrl}/members{/member}`,
        repositories_url: `${teamUrl}/repos`,
        parent: null,
      },
      organization,
      sender: sender(state, event.actor, urls),
      installation: simpleInstallation(installation),
    },
  };
}
