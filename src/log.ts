/** Where the app's messages go: Probot's logger in the app, standard error in the CLI. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How a shared store's commands fare, so that an outage is told once, not once per failed command. */
export interface StoreHealth {
  failed(error: unknown): void;
  succeeded(): void;
}
