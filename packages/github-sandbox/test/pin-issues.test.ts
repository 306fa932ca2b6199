import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { answerGraphql } from "../src/graphql/answer-graphql.js";
import type { GraphqlContext } from "../src/graphql/nodes.js";
import { createState } from "../src/create-state.js";
import type { SandboxEvent } from "../src/events.js";
import { loadSnapshot } from "../src/snapshot.js";
import type { SandboxState } from "../src/state.js";
import { webhookForEvent } from "../src/webhooks/webhook-for-event.js";
import { SERVER_SNAPSHOT } from "./server-fixtures.js";

const urls = { api: "http://localhost:3001/api/v3", web: "http://localhost:3001" };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi-webhooks/generated/api.github.com.json"), "utf8")), "webhooks");
let state: SandboxState;
const events: SandboxEvent[] = [];

beforeAll(() => {
  state = createState(loadSnapshot(SERVER_SNAPSHOT));
});

function context(actor: GraphqlContext["actor"] = { kind: "installation", installations: state.installations }): GraphqlContext {
  const viewerLogin = actor.kind === "user" ? actor.login : "agenda-drafter[bot]";
  return { state, actor, urls, now: new Date("2024-03-26T09:00:00Z"), searchState: () => state, viewerLogin, emit: (event) => events.push(event) };
}

async function ask(query: string, variables?: Record<string, unknown>, asWho = context()) {
  const response = await answerGraphql(JSON.stringify({ query, variables }), asWho);
  return (await response.json()) as { data?: any; errors?: { message: string; type?: string }[] };
}

const PIN = `mutation ($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number isPinned } } }`;
const UNPIN = `mutation ($id: ID!) { unpinIssue(input: { issueId: $id }) { issue { number isPinned } } }`;
const PINNED = `{ repository(owner: "nodejs", name: "security-wg") { pinnedIssues(first: 3) { totalCount nodes { issue { number } } } } }`;

function nodeId(number: number): string {
  return state.repos.get("nodejs/security-wg")!.issues.get(number)!.nodeId;
}

async function pinnedNumbers(): Promise<number[]> {
  return (await ask(PINNED)).data.repository.pinnedIssues.nodes.map((node: { issue: { number: number } }) => node.issue.number);
}

describe("pinIssue and unpinIssue", () => {
  it("pin an issue, list it among the repository's pinned issues and send issues.pinned; pinning it again changes nothing", async () => {
    const first = await ask(PIN, { id: nodeId(1255) });
    expect(first).toEqual({ data: { pinIssue: { issue: { number: 1255, isPinned: true } } } });
    await ask(PIN, { id: nodeId(1255) });
    expect(await pinnedNumbers()).toEqual([1255]);
    expect(events.map((event) => "action" in event && event.action)).toEqual(["pinned"]);
    const webhook = webhookForEvent(state, events[0]!, urls);
    expect(webhook?.event).toBe("issues");
    const validate = ajv.getSchema("webhooks#/components/schemas/webhook-issues-pinned")!;
    expect(validate(webhook?.payload) ? [] : validate.errors).toEqual([]);
    expect(webhook?.payload).toMatchObject({ action: "pinned", issue: { number: 1255 }, sender: { login: "agenda-drafter[bot]" } });
  });

  it("refuse a fourth pinned issue with GitHub's error, pinned ones staying as they were", async () => {
    await ask(PIN, { id: nodeId(1236) });
    await ask(PIN, { id: nodeId(1260) });
    const fourth = await ask(PIN, { id: nodeId(1248) });
    expect(fourth.data).toEqual({ pinIssue: null });
    expect(fourth.errors?.[0]?.message).toMatch(/more than 3 pinned issues/);
    expect(await pinnedNumbers()).toEqual([1255, 1236, 1260]);
  });

  it("unpin a pinned issue (a closed one too) and free its slot; unpinning it again changes nothing", async () => {
    state.repos.get("nodejs/security-wg")!.issues.get(1236)!.state = "closed";
    events.length = 0;
    expect((await ask(UNPIN, { id: nodeId(1236) })).data).toEqual({ unpinIssue: { issue: { number: 1236, isPinned: false } } });
    await ask(UNPIN, { id: nodeId(1236) });
    expect(events.map((event) => "action" in event && event.action)).toEqual(["unpinned"]);
    expect((await ask(PIN, { id: nodeId(1248) })).errors).toBeUndefined();
    expect(await pinnedNumbers()).toEqual([1255, 1260, 1248]);
  });

  it("refuse one without write access, a pull request and an unknown id", async () => {
    const triage = await ask(UNPIN, { id: nodeId(1255) }, context({ kind: "user", login: "UlisesGascon" }));
    expect(triage.errors?.[0]?.message).toBe("UlisesGascon does not have the correct permissions to execute `PinIssue`");
    const pull = await ask(PIN, { id: nodeId(1294) });
    expect(pull.errors?.[0]).toMatchObject({ type: "NOT_FOUND" });
    expect((await ask(PIN, { id: "I_nope" })).errors?.[0]?.message).toBe("Could not resolve to a node with the global id of 'I_nope'");
    expect(await pinnedNumbers()).toEqual([1255, 1260, 1248]);
  });

  it("check a mutation against GitHub's schema like a query", async () => {
    const wrong = await ask(`mutation { pinIssue(input: { number: 1 }) { issue { number } } }`);
    expect(wrong.errors?.[0]?.message).toMatch(/issueId/);
  });
});
