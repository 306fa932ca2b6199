/**
 * The work of acknowledged webhooks. GitHub gives up on a delivery after 10 seconds, and a
 * delivery's work (start-up discovery first, a comment's commands, a push's config check) may
 * take longer: so every handler only queues its work and returns, and the delivery is answered
 * at once. Work runs one piece at a time per installation, in the order the deliveries came, so
 * that an installation's events see its discovery done and each other's effects; installations
 * do not wait for each other. A piece that fails is reported through `onError` (one log line)
 * and the next one runs.
 */
export class WebhookQueue {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  enqueue(key: string, work: () => Promise<void>): void {
    const tail = (this.#tails.get(key) ?? Promise.resolve()).then(work).catch(this.#onError);
    this.#tails.set(key, tail);
    void tail.finally(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
  }

  /** Whether some piece is queued or running. */
  get busy(): boolean {
    return this.#tails.size > 0;
  }

  /** Resolves once every piece queued so far, and any queued meanwhile, has run. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.allSettled([...this.#tails.values()]);
  }
}
