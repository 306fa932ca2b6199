import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";

/** The events the app's webhook handlers take, by the workflow event that carries their payload. */
const WEBHOOK_EVENTS: Record<string, string> = {
  issues: "issues",
  issue_comment: "issue_comment",
  pull_request: "pull_request",
  // The same payload, in the base repository's context: a pull request from a fork gets a token that may write.
  pull_request_target: "pull_request",
  push: "push",
  discussion: "discussion",
};

/** The events that start a tick: time (`schedule`) and a person's "Run workflow" (`workflow_dispatch`). */
const TICK_EVENTS = new Set(["schedule", "workflow_dispatch"]);

export type ActionWork = { kind: "webhook"; name: string; payload: Record<string, unknown> } | { kind: "tick" } | { kind: "none" };

export const SUPPORTED_EVENTS = [...Object.keys(WEBHOOK_EVENTS), ...TICK_EVENTS];

/** What the workflow's event asks of the app: a webhook to handle, a tick, or nothing. */
export function actionWork(eventName: string, eventPath: string): ActionWork {
  if (TICK_EVENTS.has(eventName)) return { kind: "tick" };
  const name = WEBHOOK_EVENTS[eventName];
  if (!name) return { kind: "none" };
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (error) {
    throw new UserError(`GITHUB_EVENT_PATH: cannot read the ${eventName} event's payload from "${eventPath}": ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw new UserError(`GITHUB_EVENT_PATH: the ${eventName} event's payload is not a JSON object.`);
  return { kind: "webhook", name, payload: payload as Record<string, unknown> };
}
