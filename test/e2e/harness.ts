// End-to-end tests run on the app's stage (github-sandbox's stage.ts): a sandbox GitHub served over
// HTTP and the app as a real Probot server against it. The harness fixes what tests compare
// (the app id, the webhook secret) and keeps Probot quiet unless TEST_LOG_LEVEL says otherwise.
import { startStage, type Stage, type StageOptions } from "@agenda-drafter/github-sandbox";

const E2E_APP_ID = 834021;
const E2E_WEBHOOK_SECRET = "e2e-webhook-secret";

export type E2EOptions = Pick<StageOptions, "snapshot" | "snapshotFile" | "app" | "env" | "idle" | "throttle">;
export type E2E = Stage;

export function startE2E(options: E2EOptions): Promise<E2E> {
  return startStage({
    ...options,
    appId: E2E_APP_ID,
    webhookSecret: E2E_WEBHOOK_SECRET,
    logLevel: (process.env["TEST_LOG_LEVEL"] as StageOptions["logLevel"] | undefined) ?? "fatal",
  });
}
