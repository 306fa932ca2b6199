/**
 * Runs one task per key for a burst of requests: a request starts (or extends) a quiet window of
 * `windowMs`; when the window passes without a new request, or `maxWaitMs` after the first, the
 * task runs once with everything requested in between. Requests that arrive while it runs wait
 * for it and then open a window of their own, so a key never runs twice at the same time.
 */
export class Coalescer<T> {
  readonly #windowMs: number;
  readonly #maxWaitMs: number;
  readonly #run: (key: string, requests: T[]) => Promise<void>;
  readonly #onError: (key: string, error: unknown) => void;
  readonly #keys = new Map<string, KeyState<T>>();
  #idleWaiters: (() => void)[] = [];

  constructor(options: {
    windowMs: number;
    /** Default: ten windows. */
    maxWaitMs?: number;
    run: (key: string, requests: T[]) => Promise<void>;
    onError: (key: string, error: unknown) => void;
  }) {
    this.#windowMs = options.windowMs;
    this.#maxWaitMs = options.maxWaitMs ?? options.windowMs * 10;
    this.#run = options.run;
    this.#onError = options.onError;
  }

  request(key: string, request: T): void {
    const state = this.#keys.get(key) ?? { pending: [], running: false };
    this.#keys.set(key, state);
    state.pending.push(request);
    state.firstAt ??= Date.now();
    if (!state.running) this.#arm(key, state);
  }

  /** Resolves once no task runs and none waits. */
  idle(): Promise<void> {
    if (this.#keys.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #arm(key: string, state: KeyState<T>): void {
    if (state.timer) clearTimeout(state.timer);
    const waited = Date.now() - (state.firstAt ?? Date.now());
    const delay = Math.max(0, Math.min(this.#windowMs, this.#maxWaitMs - waited));
    state.timer = setTimeout(() => void this.#fire(key, state), delay);
  }

  async #fire(key: string, state: KeyState<T>): Promise<void> {
    delete state.timer;
    delete state.firstAt;
    const requests = state.pending;
    state.pending = [];
    state.running = true;
    try {
      await this.#run(key, requests);
    } catch (error) {
      this.#onError(key, error);
    }
    state.running = false;
    if (state.pending.length > 0) {
      state.firstAt = Date.now();
      this.#arm(key, state);
      return;
    }
    this.#keys.delete(key);
    if (this.#keys.size === 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

interface KeyState<T> {
  pending: T[];
  running: boolean;
  firstAt?: number;
  timer?: NodeJS.Timeout;
}
