import type { SandboxEvent } from "../events.js";
import { serializeComment } from "../serialize/comment.js";
import { serializeIssue } from "../serialize/issue.js";
import { serializeLabel } from "../serialize/label.js";
import type { SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { installationCovering, repositoryContext, simpleInstallation } from "./payload-parts.js";
import { pushPayload } from "./push-payload.js";

export interface Webhook {
  /** `X-GitHub-Event`. */
  event: string;
  payload: Record<string, unknown>;
}

/**
 * The webhook GitHub sends the app for a change, built from the state at the moment of the change;
 * undefined when the app would get none (the repository is not installed, or GitHub sends apps no
 * webhook for that change).
 */
export function webhookForEvent(state: SandboxState, event: SandboxEvent, urls: SandboxUrls): Webhook | undefined {
  const installation = installationCovering(state, event.repo);
  if (!installation) return undefined;
  const context = { ...repositoryContext(state, event.repo, event.actor, urls), installation: simpleInstallation(installation) };

  switch (event.name) {
    case "issues": {
      const label = "label" in event ? { label: serializeLabel(event.label, event.repo, urls) } : {};
      const changes = "changes" in event && event.changes ? { changes: event.changes } : {};
      return {
        event: "issues",
        payload: { action: event.action, issue: serializeIssue(state, event.repo, event.issue, urls), ...label, ...changes, ...context },
      };
    }
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
    case "push":
      return { event: "push", payload: { ...pushPayload(state, event, urls), installation: context.installation } };
    default:
      return undefined;
  }
}
