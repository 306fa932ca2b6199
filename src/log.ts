/** Where the app's messages go: Probot's logger in the app, standard error in the CLI. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
