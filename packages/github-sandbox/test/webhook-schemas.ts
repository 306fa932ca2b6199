import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

// Resolved as Node resolves packages: npm installs a workspace's development dependencies at the root.
const webhookSpec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi-webhooks/generated/api.github.com.json"), "utf8"),
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// GitHub's own commit addresses for apps (`<id>+<app>[bot]@users.noreply.github.com`) break the
// schema's strict email format; GitHub sends them in push payloads all the same.
const strictEmail = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
ajv.addFormat("email", (value: string) => strictEmail.test(value.replace(/\[bot\]@users\.noreply\.github\.com$/, "@users.noreply.github.com")));
ajv.addSchema(webhookSpec, "webhooks");

/** Checks a payload against GitHub's schema of its event and action, as openapi-webhooks names them. */
export function expectValidPayload(event: string, payload: Record<string, unknown>) {
  const name = `webhook-${event.replace(/_/g, "-")}${typeof payload.action === "string" ? `-${payload.action.replace(/_/g, "-")}` : ""}`;
  const validate = ajv.getSchema(`webhooks#/components/schemas/${name}`);
  if (!validate) throw new Error(`openapi-webhooks has no schema ${name}`);
  const valid = validate(payload);
  expect(valid ? [] : validate.errors?.map((error) => `${name}${error.instancePath} ${error.message}`)).toEqual([]);
}

