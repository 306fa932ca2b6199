import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { pino } from "pino";
import { run } from "probot";
import { parse } from "yaml";

/**
 * `app.yml` is the manifest the README's install steps register the app from, through Probot's
 * setup page: what that page posts to GitHub must point the webhooks at the app.
 */
const manifestText = readFileSync(new URL("../../app.yml", import.meta.url), "utf8");
const manifest = parse(manifestText) as Record<string, unknown>;

/** The permissions and events a manifest may ask for that this app uses (GitHub's names). */
const PERMISSIONS = new Set(["issues", "pull_requests", "contents", "checks", "metadata", "members", "organization_projects", "discussions"]);
const EVENTS = new Set(["issues", "issue_comment", "pull_request", "push", "label", "repository", "projects_v2_item", "membership", "discussion"]);

test("app.yml names no placeholder address", () => {
  expect(manifestText).not.toMatch(/example\.(com|org|net)|localhost|<[a-z-]+>/i);
});

test("app.yml is a manifest GitHub accepts: a name of at most 34 characters, its page as homepage, known permissions and events", () => {
  expect(typeof manifest.name).toBe("string");
  const name = manifest.name as string;
  expect(name.length).toBeLessThanOrEqual(34);
  expect(manifest.url).toBe(`https://github.com/apps/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`);
  expect(manifest.public).toBe(false);
  const permissions = manifest.default_permissions as Record<string, string>;
  for (const [permission, access] of Object.entries(permissions)) {
    expect(PERMISSIONS).toContain(permission);
    expect(["read", "write"]).toContain(access);
  }
  for (const event of manifest.default_events as string[]) expect(EVENTS).toContain(event);
  expect(Object.keys(manifest).sort()).toEqual(["default_events", "default_permissions", "description", "name", "public", "url"]);
});

test("Probot's setup page registers the app with its webhook channel as the webhook URL", async () => {
  const channel = "https://smee.io/agenda-drafter-manifest-test";
  const port = await freePort();
  const saved = process.env.WEBHOOK_PROXY_URL;
  // The setup page's own channel, as Probot opens it on smee.io and writes it to .env.
  const SmeeClient = { createChannel: async () => channel };
  const updateEnv = (values: Record<string, string>) => Object.assign(process.env, values);
  const server = await run(() => {}, {
    env: { PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "development" },
    updateEnv,
    SmeeClient,
    log: pino({ level: "silent" }),
  } as unknown as Parameters<typeof run>[1]);
  try {
    const page = await (await fetch(`http://127.0.0.1:${port}/probot`)).text();
    const posted = /value='([^']*)'/.exec(page)?.[1];
    expect(posted).toBeDefined();
    const registered = JSON.parse(posted!) as { hook_attributes: { url: string }; name: string; redirect_url: string };
    expect(registered.hook_attributes.url).toBe(channel);
    expect(registered.name).toBe(manifest.name);
    expect(registered.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
  } finally {
    await server.stop();
    if (saved === undefined) delete process.env.WEBHOOK_PROXY_URL;
    else process.env.WEBHOOK_PROXY_URL = saved;
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
