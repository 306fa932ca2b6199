import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createAgendaDrafter, type AgendaDrafter } from "../../src/app/create-agenda-drafter.js";
import { INSTALLATION_ID } from "../fixtures/webhooks/node-webhooks.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";

export const API = "https://api.github.com";

export const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

export const SECURITY_WG_CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    invited: ["@nodejs/security-wg"]
    standing_items:
      - { title: Vulnerability Review, url: "https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues" }
    timezones: [UTC]
`;

/**
 * No retries and no throttling. The function form matters: Probot builds installation clients
 * with its own throttle options on top of an object default, which brings back the one-second
 * spacing of writes.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options?.throttle, enabled: false },
}));

export interface Started {
  probot: Probot;
  drafter: AgendaDrafter;
}

/** A Probot running the app against nock, with its clock at `now`, no installation at start-up. */
export async function startApp(now = "2024-03-26T09:00:00Z"): Promise<Started> {
  nock(API).get("/app/installations").query(true).reply(200, []);
  nock(API)
    .persist()
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
  const drafter = createAgendaDrafter({ stateSigner: TEST_STATE_SIGNER, debounceMs: 20, now: () => new Date(now), claimWaitMs: 50 });
  const probot = new Probot({
    appId: 1,
    privateKey,
    logLevel: (process.env.TEST_LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    logFormat: "json",
    Octokit: TestOctokit,
  });
  await probot.load(drafter.app);
  await drafter.idle();
  return { probot, drafter };
}

/**
 * The invited team's members, as each refresh reads them, and the org's public members: Rafael's
 * membership is public, Ulises's private. For every request until cleanUp.
 */
function mockInvitedTeam(): void {
  nock(API)
    .persist()
    .post("/graphql", (body) => String(body.query).includes("team(slug: $slug)"))
    .optionally()
    .reply(200, { data: { organization: { team: { members: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }, { login: "UlisesGascon", name: null }] } } } } })
    .get("/orgs/nodejs/public_members")
    .query(true)
    .optionally()
    .reply(200, [{ login: "RafaelGSS" }]);
}

/** The installation's repositories and the home repo's config file, read on the first event; the invited team's members. */
export function mockDiscovery(config = SECURITY_WG_CONFIG) {
  mockInvitedTeam();
  return nock(API)
    .get("/installation/repositories")
    .query(true)
    .reply(200, {
      total_count: 1,
      repositories: [{ name: "security-wg", full_name: "nodejs/security-wg", owner: { login: "nodejs" }, archived: false }],
    })
    .post("/graphql")
    .reply(200, { data: { r0: { name: "security-wg", owner: { login: "nodejs" }, isArchived: false, config: { text: config, isTruncated: false } } } });
}

/** The claim ref of an occurrence of security-wg, recording the issue the app created for it. */
export function mockClaimedIssue(scope: nock.Scope, issueNumber: number, occurrence = "2024-03-28"): nock.Scope {
  const sha = `c1a1${String(issueNumber).padStart(36, "0")}`;
  return scope
    .get(`/repos/nodejs/security-wg/git/ref/agenda-drafter%2Fsecurity-wg%2F${occurrence}`)
    .reply(200, { object: { sha } })
    .get(`/repos/nodejs/security-wg/git/commits/${sha}`)
    .reply(200, { message: `agenda-drafter: security-wg ${occurrence} is #${issueNumber}`, committer: { date: "2024-03-25T09:00:00Z" }, tree: { sha: "691272480426f78a0138979dd3ce63b77f706feb" } });
}

export function base64(text: string): string {
  return Buffer.from(text).toString("base64");
}

export function cleanUp(): void {
  nock.cleanAll();
}
