import type { Context, Probot } from "probot";
import { pinApiVersion } from "../github.js";
import { onPullRequestCommits, onPush } from "./on-config-change.js";
import { onItemEvent } from "./on-item-event.js";
import { onProjectItemEvent } from "./on-project-item-event.js";
import { DISCUSSION_ACTIONS, onDiscussionEvent } from "./on-discussion-event.js";
import { onInstallationEvent, onLabelEvent, onRepositoryEvent } from "./on-scope-event.js";
import { onMembershipEvent } from "./on-membership.js";
import { ITEM_ACTIONS } from "./item-changes.js";
import type { Runtime } from "./runtime.js";
import { onIssueComment } from "./on-issue-comment.js";
import { onMinutesMerged } from "./on-minutes-merged.js";
import { onMinutesPush } from "./on-minutes-push.js";
import { limitRequestTime } from "./request-timeout.js";
import { handleWebhook as handleOneWebhook } from "./webhook-errors.js";
import type { AppMetrics } from "./metrics.js";
import { observeRequests } from "./observe-requests.js";
import { withOwnLogFields, type LogFields } from "./log-fields.js";
import type { WebhookQueue } from "./webhook-queue.js";

/**
 * Every webhook the app acts on. A handler queues its work and returns, so that the delivery is
 * answered before any API call, also while start-up discovery runs; the work has a deadline on
 * its GitHub requests, which are counted, carries the delivery's fields on its log lines, and a
 * failure is one short log line. Several features act on some events (a push may change a config
 * and merge minutes): each event has one handler, which runs its features in turn, so that a
 * delivery is queued, wrapped and counted once, and one feature's failure does not skip the next.
 */
export function registerHandlers(
  probot: Probot,
  current: Runtime,
  queue: WebhookQueue,
  { timeoutMs, metrics, logError }: { timeoutMs: number; metrics: AppMetrics; logError: (error: unknown) => void },
): void {
  const features = new Map<string, Feature<never>[]>();
  const on = <E extends EventName>(events: E[], feature: Feature<E>) => {
    for (const event of events) features.set(event, [...(features.get(event) ?? []), feature as Feature<never>]);
  };
  const itemEvents = [
    ...ITEM_ACTIONS.issues.map((action) => `issues.${action}` as const),
    ...ITEM_ACTIONS.pull_request.map((action) => `pull_request.${action}` as const),
  ];
  on(itemEvents, (context) => onItemEvent(current, context));
  on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"], (context) => onPullRequestCommits(current, context));
  on(["pull_request.closed"], (context) => onMinutesMerged(current, context));
  on(["push"], (context) => onPush(current, context));
  on(["push"], (context) => onMinutesPush(current, context));
  on(
    [
      "repository.privatized",
      "repository.publicized",
      "repository.renamed",
      "repository.transferred",
      "repository.deleted",
      "repository.archived",
      "repository.unarchived",
    ],
    (context) => onRepositoryEvent(current, context),
  );
  on(["label.edited", "label.deleted"], (context) => onLabelEvent(current, context));
  on(["membership.added", "membership.removed"], (context) => onMembershipEvent(current, context));
  on(["installation", "installation_repositories"], (context) => onInstallationEvent(current, context));
  on(["issue_comment.created"], (context) => onIssueComment(current, context));
  on(["projects_v2_item"], (context) => onProjectItemEvent(current, context));
  on(DISCUSSION_ACTIONS.map((action) => `discussion.${action}` as const), (context) => onDiscussionEvent(current, context));

  for (const [event, eventFeatures] of features) {
    probot.on(event as EventName, (context) =>
      queue.enqueue(installationKey(context.payload), () =>
        withOwnLogFields(deliveryFields(context), async () => {
          observeRequests(limitRequestTime(pinApiVersion(context.octokit), timeoutMs), metrics);
          for (const feature of eventFeatures) {
            await handleOneWebhook(probot, context, () => feature(context as never)).catch((error: unknown) => {
              metrics.errors.inc({ where: "webhook" });
              logError(error);
            });
          }
        }),
      ),
    );
  }
}

type EventName = Extract<Parameters<Probot["on"]>[0], string>;

/** One thing the app does on a webhook event. */
type Feature<E extends EventName> = (context: Context<E>) => Promise<void>;

/** Work of one installation runs in order; a delivery without one queues apart. */
function installationKey(payload: unknown): string {
  const id = (payload as { installation?: { id?: unknown } }).installation?.id;
  return typeof id === "number" ? `installation ${id}` : "no installation";
}

interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** The fields of a delivery's log lines: its id, event, installation and repository. */
function deliveryFields(context: Delivery): LogFields {
  const payload = context.payload as { action?: unknown; installation?: { id?: unknown }; repository?: { full_name?: unknown } };
  return {
    delivery: context.id,
    event: typeof payload.action === "string" ? `${context.name}.${payload.action}` : context.name,
    ...(typeof payload.installation?.id === "number" && { installation: payload.installation.id }),
    ...(typeof payload.repository?.full_name === "string" && { repo: payload.repository.full_name }),
  };
}
