import { appPublicKey, type SandboxApp } from "./app-auth/verify-app-jwt.js";
import type { Sandbox } from "./sandbox.js";
import { createSandboxHandler } from "./server/sandbox-handler.js";
import { serveFetchHandler } from "./server/serve-fetch-handler.js";
import { webhookForEvent } from "./webhooks/webhook-for-event.js";
import { WebhookDeliverer, type WebhookTarget } from "./webhooks/webhook-deliverer.js";

export interface SandboxServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** Where the app's webhooks go; without it none are sent. */
  webhook?: WebhookTarget;
  /** The app: its id and either half of its key pair (PEM). Without it only `user:<login>` tokens work. */
  app?: { id: number; publicKey?: string; privateKey?: string };
}

export interface SandboxServer {
  /** `http://host:port`; the REST API is at `${url}/api/v3`, GraphQL at `${url}/api/graphql`. */
  url: string;
  /** The webhook deliveries, when a webhook URL was given. */
  webhooks: WebhookDeliverer | undefined;
  /** Resolves once every webhook delivery so far has been answered (see WebhookDeliverer.settled). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves a sandbox over HTTP as GitHub Enterprise Server would: Probot runs against it unchanged
 * with `GHE_HOST=<host:port> GHE_PROTOCOL=http`. Changes made through the API are sent to the
 * webhook URL as the app's webhooks.
 */
export async function startSandboxServer(sandbox: Sandbox, options: SandboxServerOptions): Promise<SandboxServer> {
  const app = options.app ? sandboxApp(options.app) : undefined;
  if (app) sandbox.appId = app.id;
  const webhooks = options.webhook ? new WebhookDeliverer({ target: options.webhook, appId: app?.id ?? 0 }) : undefined;
  const stopListening = webhooks
    ? sandbox.onEvent((event) => {
        const webhook = webhookForEvent(sandbox.state, event, sandbox.urls);
        if (webhook) webhooks.enqueue(webhook.event, webhook.payload);
      })
    : undefined;
  const running = await serveFetchHandler(createSandboxHandler(sandbox, { app, webhooks }), options.port, options.host);
  return {
    url: running.url,
    webhooks,
    settled: async () => webhooks?.settled(),
    close: async () => {
      stopListening?.();
      // A hung (or failing, and so retried) request would keep the app's handler, and so its
      // webhook delivery, waiting forever.
      sandbox.faults.clear();
      await webhooks?.settled();
      await running.close();
    },
  };
}

function sandboxApp(app: NonNullable<SandboxServerOptions["app"]>): SandboxApp {
  const key = app.publicKey ?? app.privateKey;
  if (!key) throw new Error(`The sandbox's app ${app.id} needs its public or private key to check its JWTs`);
  return { id: app.id, publicKey: appPublicKey(key) };
}
