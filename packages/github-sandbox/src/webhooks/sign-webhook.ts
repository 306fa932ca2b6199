import { createHmac } from "node:crypto";

/** The `X-Hub-Signature-256` value GitHub sends: HMAC-SHA256 of the exact body bytes, keyed by the secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
