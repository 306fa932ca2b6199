import type { Probot } from "probot";
import { statusOf } from "../github.js";

/**
 * A webhook handler's failure as the log shows it: one line saying which delivery failed and
 * how, never the payload. @octokit/webhooks attaches the delivery to a handler's error and
 * Probot logs that error with all its fields: this error has no fields to log, its `event` slot
 * is not enumerable (so the attached payload is not serialized), and its stack is its one line.
 * The original error's details go to the debug log.
 */
class WebhookError extends Error {
  override name = "WebhookError";
  constructor(message: string) {
    super(message);
    Object.defineProperty(this, "event", { value: undefined, writable: true, enumerable: false });
    this.stack = `${this.name}: ${message}`;
  }
}

interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** Runs a webhook's work; when it fails, rethrows a one-line error without the payload (the delivery was answered already). */
export async function handleWebhook(probot: Probot, context: Delivery, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    const action = (context.payload as { action?: unknown }).action;
    const event = typeof action === "string" ? `${context.name}.${action}` : context.name;
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    probot.log.debug(`webhook ${event} ${context.id}: ${error instanceof Error ? (error.stack ?? message) : message}`);
    throw new WebhookError(`webhook ${event} ${context.id} failed: ${status === undefined ? message : `GitHub answered ${status} (${message})`}`);
  }
}
