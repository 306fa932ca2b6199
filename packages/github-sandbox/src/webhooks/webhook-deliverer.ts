import { randomUUID } from "node:crypto";
import { signWebhookBody } from "./sign-webhook.js";

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** Faults a reliability test asks for; by default every delivery is sent once, in order. */
export interface DeliveryFaults {
  /** Send every delivery a second time, with the same `X-GitHub-Delivery`, as a redelivery does. */
  duplicate: boolean;
  /** Hold deliveries until this many are held, then send them newest first; 0 sends them as they come. */
  reverseBatch: number;
  /** Send each delivery this many milliseconds (real time) late; later ones may overtake it. */
  delayMs: number;
  /** Lose this many of the next deliveries: each fails as one GitHub could not deliver does (timed out), and none is sent again. */
  lose: number;
}

export interface DeliveryAttempt {
  status: number | null;
  /** Why the attempt failed: the target's answer status text or the network error. */
  error: string | null;
  at: string;
}

export interface DeliveryRecord {
  /** `X-GitHub-Delivery`. */
  guid: string;
  event: string;
  action: string | null;
  state: "held" | "pending" | "answered" | "failed";
  attempts: DeliveryAttempt[];
  payload: Record<string, unknown>;
}

export interface WebhookDelivererOptions {
  target: WebhookTarget;
  /** `X-GitHub-Hook-Installation-Target-ID`: the app's id. */
  appId: number;
  /** The global fetch by default. */
  fetch?: typeof fetch;
}

const HOOK_ID = 1;
const USER_AGENT = "GitHub-Hookshot/sandbox";
/** GitHub sends an app's webhooks concurrently; the sandbox keeps this many in flight at most. */
const MAX_IN_FLIGHT = 8;

/**
 * Sends webhooks as GitHub does for an app (signed, with GitHub's headers), concurrently, started
 * in the order of the changes, recording every attempt: an app must not count on one delivery
 * being answered before the next arrives. A failed delivery is recorded, never thrown: GitHub
 * does not retry either.
 */
export class WebhookDeliverer {
  readonly #options: WebhookDelivererOptions;
  readonly #records: DeliveryRecord[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #held: DeliveryRecord[] = [];
  /** Deliveries waiting for one in flight to end, first come first served. */
  readonly #waiting: (() => void)[] = [];
  #sending = 0;
  #faults: DeliveryFaults = { duplicate: false, reverseBatch: 0, delayMs: 0, lose: 0 };

  constructor(options: WebhookDelivererOptions) {
    this.#options = options;
  }

  get faults(): DeliveryFaults {
    return { ...this.#faults };
  }

  setFaults(faults: Partial<DeliveryFaults>): DeliveryFaults {
    this.#faults = { ...this.#faults, ...faults };
    if (this.#faults.reverseBatch === 0) this.#releaseHeld();
    return this.faults;
  }

  get records(): readonly DeliveryRecord[] {
    return this.#records;
  }

  enqueue(event: string, payload: Record<string, unknown>): DeliveryRecord {
    const record: DeliveryRecord = {
      guid: randomUUID(),
      event,
      action: typeof payload.action === "string" ? payload.action : null,
      state: "pending",
      attempts: [],
      payload,
    };
    this.#records.push(record);
    if (this.#faults.reverseBatch > 0) {
      record.state = "held";
      this.#held.push(record);
      if (this.#held.length >= this.#faults.reverseBatch) this.#releaseHeld();
    } else {
      this.#schedule(record);
    }
    return record;
  }

  /**
   * Resolves once every delivery so far has been answered, including those the target's handlers
   * caused meanwhile. Held deliveries are released first (newest first), so nothing waits forever.
   */
  async settled(): Promise<void> {
    this.#releaseHeld();
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** A released batch goes out one after another, newest first, so that its order is the reverse one for sure. */
  #releaseHeld(): void {
    const held = this.#held.reverse();
    this.#held = [];
    let previous: Promise<void> = Promise.resolve();
    for (const record of held) {
      record.state = "pending";
      previous = this.#schedule(record, previous);
    }
  }

  /** Sends a delivery (after `after`, when given); resolves once it is answered. */
  #schedule(record: DeliveryRecord, after: Promise<void> = Promise.resolve()): Promise<void> {
    const { duplicate, delayMs } = this.#faults;
    const sendAll = async () => {
      await this.#send(record);
      if (duplicate) await this.#send(record);
    };
    const late = delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve();
    const done = Promise.all([late, after]).then(() => this.#inFlightSlot(sendAll));
    const tracked = done.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    return tracked;
  }

  /** Runs `send` once fewer than MAX_IN_FLIGHT deliveries are in flight; a slot that ends goes to the next waiting. */
  async #inFlightSlot(send: () => Promise<void>): Promise<void> {
    if (this.#sending < MAX_IN_FLIGHT) this.#sending += 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      await send();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#sending -= 1;
    }
  }

  async #send(record: DeliveryRecord): Promise<void> {
    const body = JSON.stringify(record.payload);
    const fetchWebhook = this.#options.fetch ?? fetch;
    const attempt: DeliveryAttempt = { status: null, error: null, at: new Date().toISOString() };
    if (this.#faults.lose > 0) {
      this.#faults.lose -= 1;
      attempt.error = "timed out";
      record.attempts.push(attempt);
      record.state = "failed";
      return;
    }
    try {
      const response = await fetchWebhook(this.#options.target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": USER_AGENT,
          "x-github-event": record.event,
          "x-github-delivery": record.guid,
          "x-github-hook-id": String(HOOK_ID),
          "x-github-hook-installation-target-id": String(this.#options.appId),
          "x-github-hook-installation-target-type": "integration",
          "x-hub-signature-256": signWebhookBody(body, this.#options.target.secret),
        },
        body,
      });
      await response.arrayBuffer();
      attempt.status = response.status;
      if (!response.ok) attempt.error = `${response.status} ${response.statusText}`.trim();
    } catch (error) {
      attempt.error = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    }
    record.attempts.push(attempt);
    record.state = record.attempts.some((made) => made.error === null) ? "answered" : "failed";
  }
}
