import { answerGraphql } from "../src/graphql/answer-graphql.js";
import type { GraphqlContext } from "../src/graphql/nodes.js";
import { Sandbox } from "../src/sandbox.js";
import { startSandboxServer } from "../src/server.js";
import type { Actor } from "../src/access.js";
import { changeDiscussion, deleteDiscussion, discussionRepo, startDiscussion, transferDiscussion, turnOnDiscussions } from "../src/discussions/discussion-changes.js";
import type { SandboxEvent } from "../src/events.js";
import type { RepoRecord } from "../src/state.js";
import { webhookForEvent } from "../src/webhooks/webhook-for-event.js";
import { expectValidPayload } from "./webhook-schemas.js";

// GitHub Discussions on the sandbox: categories and discussions of a repository, read through
// GraphQL (checked against GitHub's schema), searched, labelled, and announced by webhooks.

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  nodejs:
    owners: [mhdawson]
    members: [mhdawson, RafaelGSS]
    repos:
      security-wg:
        collaborators: { UlisesGascon: triage }
        labels:
          security-wg-agenda: { color: "c2e0c6" }
          "meeting agenda": {}
        issues:
          - { number: 1, title: "An issue", labels: [security-wg-agenda], author: mhdawson }
        discussions:
          - { number: 2, title: "Should we adopt OpenSSF Scorecard?", labels: [security-wg-agenda], author: RafaelGSS, category: Ideas, created_at: "2024-03-01T10:00:00Z" }
          - { number: 3, title: "Release cadence", labels: ["meeting agenda"], author: mhdawson, created_at: "2024-03-02T10:00:00Z", updated_at: "2024-03-20T10:00:00Z" }
          - { number: 4, title: "Old topic", labels: [security-wg-agenda], state: closed, state_reason: outdated, category: q-a, created_at: "2024-01-01T10:00:00Z", closed_at: "2024-02-01T10:00:00Z" }
      security-private:
        private: true
        has_discussions: true
        discussions:
          - { number: 1, title: "Embargoed topic", labels: [security-wg-agenda], author: mhdawson }
      no-discussions:
        issues:
          - { number: 1, title: "Just an issue" }
  other:
    repos:
      elsewhere:
        discussions:
          - { number: 1, title: "Not installed", labels: [security-wg-agenda] }
installations:
  - { id: 4001, account: nodejs, repositories: [security-wg, no-discussions] }
  - { id: 4002, account: other, repositories: all, permissions: { issues: write, metadata: read } }
`;

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = Sandbox.fromSnapshot(SNAPSHOT);
});

function contextFor(actor: Actor): GraphqlContext {
  return { state: sandbox.state, actor, urls: sandbox.urls, now: sandbox.clock.now(), searchState: () => sandbox.searchState(), viewerLogin: sandbox.actorLogin(actor), emit: (event) => sandbox.emitChange(event) };
}

const installation = (id: number): Actor => ({ kind: "installation", installations: sandbox.state.installations.filter((each) => each.id === id) });
const person = (login: string): Actor => ({ kind: "user", login });

async function ask(query: string, variables: Record<string, unknown> = {}, actor: Actor = installation(4001)) {
  const response = await answerGraphql(JSON.stringify({ query, variables }), contextFor(actor));
  return (await response.json()) as { data?: any; errors?: any[] };
}

const DISCUSSION_FIELDS = `id number title url author { login } labels(first: 10) { nodes { name } } category { id name slug }
  closed closedAt stateReason createdAt updatedAt locked repository { nameWithOwner isPrivate }`;

test("a repository's discussions: GitHub's default categories, one number sequence with its issues, GitHub's shapes", async () => {
  const { data, errors } = await ask(`query {
    repository(owner: "nodejs", name: "security-wg") {
      hasDiscussionsEnabled
      discussionCategories(first: 10) { nodes { name slug emoji isAnswerable } }
      discussion(number: 2) { ${DISCUSSION_FIELDS} }
    }
  }`);
  expect(errors).toBeUndefined();
  expect(data.repository.hasDiscussionsEnabled).toBe(true);
  expect(data.repository.discussionCategories.nodes.map((category: any) => `${category.name} ${category.slug} ${category.emoji}${category.isAnswerable ? " answerable" : ""}`)).toEqual([
    "Announcements announcements :mega:",
    "General general :speech_balloon:",
    "Ideas ideas :bulb:",
    "Polls polls :ballot_box:",
    "Q&A q-a :pray: answerable",
    "Show and tell show-and-tell :raised_hands:",
  ]);
  expect(data.repository.discussion).toMatchObject({
    number: 2,
    title: "Should we adopt OpenSSF Scorecard?",
    url: "https://github.com/nodejs/security-wg/discussions/2",
    author: { login: "RafaelGSS" },
    labels: { nodes: [{ name: "security-wg-agenda" }] },
    category: { name: "Ideas", slug: "ideas" },
    closed: false,
    closedAt: null,
    stateReason: null,
    createdAt: "2024-03-01T10:00:00Z",
    locked: false,
    repository: { nameWithOwner: "nodejs/security-wg", isPrivate: false },
  });
  expect(data.repository.discussion.id).toMatch(/^D_/);

  // Issue 1 and discussions 2-4 share one sequence; an issue made now takes 5.
  const { data: created } = await sandbox.octokit("user:mhdawson").rest.issues.create({ owner: "nodejs", repo: "security-wg", title: "Next" });
  expect(created.number).toBe(5);
  // A discussion's number is no issue, as on GitHub.
  await expect(sandbox.octokit("user:mhdawson").rest.issues.get({ owner: "nodejs", repo: "security-wg", issue_number: 2 })).rejects.toMatchObject({ status: 404 });
  expect((await sandbox.octokit("user:mhdawson").rest.repos.get({ owner: "nodejs", repo: "security-wg" })).data.has_discussions).toBe(true);
});

test("discussions lists by category and state, ordered as asked (by default most recently updated first)", async () => {
  const list = async (args: string) =>
    (await ask(`query { repository(owner: "nodejs", name: "security-wg") { discussions(first: 10${args}) { totalCount nodes { number } } } }`)).data.repository.discussions.nodes.map(
      (node: any) => node.number,
    );
  expect(await list("")).toEqual([3, 2, 4]);
  expect(await list(", orderBy: { field: CREATED_AT, direction: ASC }")).toEqual([4, 2, 3]);
  expect(await list(", states: [CLOSED]")).toEqual([4]);
  const ideas = (await ask(`query { repository(owner: "nodejs", name: "security-wg") { discussionCategory(slug: "ideas") { id } } }`)).data.repository.discussionCategory.id;
  expect(await list(`, categoryId: "${ideas}"`)).toEqual([2]);
  const closed = (await ask(`query { repository(owner: "nodejs", name: "security-wg") { discussion(number: 4) { closed closedAt stateReason isAnswered category { isAnswerable } } } }`)).data.repository.discussion;
  expect(closed).toEqual({ closed: true, closedAt: "2024-02-01T10:00:00Z", stateReason: "OUTDATED", isAnswered: false, category: { isAnswerable: true } });
});

test("a repository without discussions lists none, and a missing number is GitHub's NOT_FOUND", async () => {
  const { data, errors } = await ask(`query {
    repository(owner: "nodejs", name: "no-discussions") { hasDiscussionsEnabled discussions(first: 5) { totalCount } discussion(number: 1) { id } }
  }`);
  expect(data.repository).toEqual({ hasDiscussionsEnabled: false, discussions: { totalCount: 0 }, discussion: null });
  expect(errors).toEqual([
    { type: "NOT_FOUND", path: ["repository", "discussion"], locations: [{ line: 2, column: 118 }], message: "Could not resolve to a Discussion with the number of 1." },
  ]);
});

test("an installation without the discussions permission gets GitHub's FORBIDDEN and finds no discussions", async () => {
  const { data, errors } = await ask(
    `query { repository(owner: "other", name: "elsewhere") { hasDiscussionsEnabled discussions(first: 5) { totalCount } } }`,
    {},
    installation(4002),
  );
  // The connection is non-null in GitHub's schema, so the error nulls the repository too.
  expect(data).toEqual({ repository: null });
  expect(errors).toEqual([
    { type: "FORBIDDEN", path: ["repository", "discussions"], extensions: { saml_failure: false }, locations: [{ line: 1, column: 79 }], message: "Resource not accessible by integration" },
  ]);
  const search = await ask(`query { search(type: DISCUSSION, query: "label:security-wg-agenda org:other", first: 5) { discussionCount nodes { ... on Discussion { number } } } }`, {}, installation(4002));
  expect(search.data.search).toEqual({ discussionCount: 0, nodes: [] });
});

test("node and nodes look discussions and categories up by id, within what the actor can see", async () => {
  const ids = await ask(`query { repository(owner: "nodejs", name: "security-wg") { discussion(number: 3) { id category { id } } } }`);
  const { id, category } = ids.data.repository.discussion;
  const { data, errors } = await ask(
    `query ($id: ID!, $ids: [ID!]!) { node(id: $id) { ... on Discussion { number title } } nodes(ids: $ids) { __typename ... on DiscussionCategory { name } } }`,
    { id, ids: [category.id, "D_nope"] },
  );
  expect(data).toEqual({ node: { number: 3, title: "Release cadence" }, nodes: [{ __typename: "DiscussionCategory", name: "General" }, null] });
  expect(errors).toMatchObject([{ type: "NOT_FOUND", path: ["nodes", 1], message: "Could not resolve to a node with the global id of 'D_nope'" }]);
  const stranger = await ask(`query ($id: ID!) { node(id: $id) { id } }`, { id: sandbox.state.repos.get("nodejs/security-private")?.discussions?.get(1)?.nodeId }, person("fraxken"));
  expect(stranger.errors).toMatchObject([{ type: "NOT_FOUND" }]);
});

const SEARCH = `query ($q: String!, $after: String) {
  search(type: DISCUSSION, query: $q, first: 2, after: $after) {
    discussionCount issueCount
    pageInfo { hasNextPage endCursor }
    edges { node { ... on Discussion { number repository { nameWithOwner } } } }
  }
}`;

async function found(q: string, actor: Actor = installation(4001)): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  do {
    const { data, errors }: { data?: any; errors?: any[] } = await ask(SEARCH, { q, after }, actor);
    if (errors) throw new Error(errors.map((error) => error.message).join("; "));
    names.push(...data.search.edges.map(({ node }: any) => `${node.repository.nameWithOwner}#${node.number}`));
    after = data.search.pageInfo.hasNextPage ? data.search.pageInfo.endCursor : null;
  } while (after);
  return names.sort();
}

test("search(type: DISCUSSION) finds labelled discussions in scope, with what GitHub's discussion search understands", async () => {
  const page = await ask(SEARCH, { q: "label:security-wg-agenda org:nodejs" });
  expect(page.data.search).toMatchObject({ discussionCount: 2, issueCount: 0, pageInfo: { hasNextPage: false } });
  expect(await found("label:security-wg-agenda org:nodejs is:open")).toEqual(["nodejs/security-wg#2"]);
  expect(await found("label:security-wg-agenda repo:nodejs/security-wg is:closed")).toEqual(["nodejs/security-wg#4"]);
  expect(await found('label:"meeting agenda" user:nodejs')).toEqual(["nodejs/security-wg#3"]);
  expect(await found("org:nodejs category:Ideas")).toEqual(["nodejs/security-wg#2"]);
  expect(await found('org:nodejs category:"Q&A"')).toEqual(["nodejs/security-wg#4"]);
  // When it was created or last updated, by day or instant, as issue search reads them.
  expect(await found("org:nodejs created:>=2024-03-01")).toEqual(["nodejs/security-wg#2", "nodejs/security-wg#3"]);
  expect(await found("org:nodejs created:2024-01-01..2024-02-29")).toEqual(["nodejs/security-wg#4"]);
  expect(await found("org:nodejs created:2024-03-02")).toEqual(["nodejs/security-wg#3"]);
  expect(await found("org:nodejs updated:>2024-03-01")).toEqual(["nodejs/security-wg#3"]);
  expect(await found("org:nodejs updated:<2024-03-01T12:00:00Z is:discussion")).toEqual(["nodejs/security-wg#2", "nodejs/security-wg#4"]);
  await expect(found("org:nodejs created:>last-week")).rejects.toThrow();
  expect(await found("cadence in:title org:nodejs")).toEqual(["nodejs/security-wg#3"]);
  expect(await found("cadence in:body org:nodejs")).toEqual([]);
  // Repeated scope qualifiers are a union in discussion search, as in GitHub's older syntax.
  expect(await found("label:security-wg-agenda repo:nodejs/security-wg repo:nodejs/no-discussions is:open")).toEqual(["nodejs/security-wg#2"]);
  // No comma list of alternatives, no negation: `a,b` is one label, and `-label:` is ignored.
  expect(await found('label:security-wg-agenda,"meeting agenda" org:nodejs')).toEqual([]);
  expect(await found("org:nodejs -label:security-wg-agenda")).toEqual(["nodejs/security-wg#2", "nodejs/security-wg#3", "nodejs/security-wg#4"]);
  // Private repositories for those who can see them only; an installation only where it is installed.
  expect(await found("label:security-wg-agenda", person("mhdawson"))).toEqual(["nodejs/security-private#1", "nodejs/security-wg#2", "nodejs/security-wg#4", "other/elsewhere#1"]);
  expect(await found("label:security-wg-agenda", person("fraxken"))).toEqual(["nodejs/security-wg#2", "nodejs/security-wg#4", "other/elsewhere#1"]);
  const hidden = await ask(SEARCH, { q: "repo:nodejs/security-private" }, person("fraxken"));
  expect(hidden.errors?.[0].message).toMatch(/cannot be searched either because the resources do not exist or you do not have permission/);
});

function repoNamed(fullName: string): RepoRecord {
  const repo = discussionRepo(sandbox, fullName);
  if (typeof repo === "string") throw new Error(repo);
  return repo;
}

test("people's changes to discussions send GitHub's discussion webhooks, valid against its schemas, to installations with the permission", () => {
  const events: SandboxEvent[] = [];
  sandbox.onEvent((event) => events.push(event));
  const repo = repoNamed("nodejs/security-wg");
  const started = startDiscussion(sandbox, repo, { title: "Agenda proposal", body: "Let us talk", category: "Ideas", labels: ["security-wg-agenda"] }, "RafaelGSS");
  if (typeof started === "string") throw new Error(started);
  expect(started.number).toBe(5);
  expect(changeDiscussion(sandbox, repo, started, { title: "Agenda proposal (v2)", removeLabels: ["security-wg-agenda"], addLabels: ["meeting agenda"], category: "General", closed: true, stateReason: "outdated" }, "mhdawson")).toBeUndefined();
  changeDiscussion(sandbox, repo, started, { closed: false, locked: true }, "mhdawson");
  changeDiscussion(sandbox, repo, started, { locked: false, addLabels: ["meeting agenda"] }, "mhdawson");
  const elsewhere = repoNamed("nodejs/no-discussions");
  expect(transferDiscussion(sandbox, repo, started, elsewhere, "mhdawson")).toBe("to: nodejs/no-discussions has discussions turned off");
  turnOnDiscussions(sandbox, elsewhere);
  const moved = transferDiscussion(sandbox, repo, started, elsewhere, "mhdawson");
  if (typeof moved === "string") throw new Error(moved);
  expect(moved).toMatchObject({ number: 2, labels: [] });
  expect(deleteDiscussion(sandbox, elsewhere, moved, "mhdawson")).toBeUndefined();

  const webhooks = events.map((event) => webhookForEvent(sandbox.state, event, sandbox.urls));
  expect(webhooks.map((webhook) => `${webhook?.event}.${webhook?.payload["action"]}`)).toEqual([
    "discussion.created",
    "discussion.labeled",
    "discussion.edited",
    "discussion.labeled",
    "discussion.unlabeled",
    "discussion.category_changed",
    "discussion.closed",
    "discussion.reopened",
    "discussion.locked",
    "discussion.unlocked",
    "discussion.transferred",
    "discussion.deleted",
  ]);
  for (const webhook of webhooks) {
    if (!webhook) throw new Error("a discussion change sent no webhook");
    expectValidPayload(webhook.event, webhook.payload);
    expect(webhook.payload).toMatchObject({ installation: { id: 4001 }, repository: { full_name: expect.stringMatching(/^nodejs\//) } });
  }
  expect(webhooks[0]?.payload).toMatchObject({
    discussion: { number: 5, title: "Agenda proposal", user: { login: "RafaelGSS" }, category: { slug: "ideas" }, state: "open", html_url: "https://github.com/nodejs/security-wg/discussions/5" },
    sender: { login: "RafaelGSS" },
  });
  expect(webhooks[5]?.payload["changes"]).toMatchObject({ category: { from: { slug: "ideas" } } });
  expect(webhooks[6]?.payload["discussion"]).toMatchObject({ state: "closed", state_reason: "outdated" });
  expect(webhooks[10]?.payload["changes"]).toMatchObject({ new_discussion: { number: 2 }, new_repository: { full_name: "nodejs/no-discussions" } });

  // No webhook for an installation without the permission, nor where the app is not installed.
  const other = repoNamed("other/elsewhere");
  const before = events.length;
  startDiscussion(sandbox, other, { title: "Quiet" }, "mhdawson");
  expect(events.slice(before).map((event) => webhookForEvent(sandbox.state, event, sandbox.urls))).toEqual([undefined]);
});

test("deleting a discussion takes triage and moving one write, within one owner and never from private to public, as GitHub's roles say", () => {
  const events: SandboxEvent[] = [];
  sandbox.onEvent((event) => events.push(event));
  const repo = repoNamed("nodejs/security-wg");
  const discussion = repo.discussions!.get(3)!;
  const elsewhere = repoNamed("nodejs/no-discussions");
  turnOnDiscussions(sandbox, elsewhere);
  expect(deleteDiscussion(sandbox, repo, discussion, "RafaelGSS")).toBe("sender: RafaelGSS needs triage access to nodejs/security-wg");
  expect(transferDiscussion(sandbox, repo, discussion, elsewhere, "UlisesGascon")).toBe("sender: UlisesGascon needs write access to nodejs/security-wg");
  expect(transferDiscussion(sandbox, repo, discussion, repoNamed("other/elsewhere"), "mhdawson")).toBe("to: a discussion moves only between repositories of nodejs");
  const embargoed = repoNamed("nodejs/security-private");
  expect(transferDiscussion(sandbox, embargoed, embargoed.discussions!.get(1)!, repo, "mhdawson")).toBe("to: a discussion of a private repository cannot move to a public one");
  expect(events).toEqual([]);
  expect(repo.discussions?.has(3)).toBe(true);

  expect(deleteDiscussion(sandbox, repo, discussion, "UlisesGascon")).toBeUndefined();
  expect(events.map((event) => `${event.name}.${"action" in event ? event.action : ""} by ${event.actor}`)).toEqual(["discussion.deleted by UlisesGascon"]);
});

test("addLabelsToLabelable and removeLabelsFromLabelable label a discussion with discussions: write, by the repository's own label ids", async () => {
  const events: SandboxEvent[] = [];
  sandbox.onEvent((event) => events.push(event));
  const repo = repoNamed("nodejs/security-wg");
  const discussionId = repo.discussions?.get(3)?.nodeId;
  const labelId = repo.labels.get("security-wg-agenda")?.nodeId;
  const ADD = `mutation ($id: ID!, $labels: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Discussion { labels(first: 5) { nodes { name } } } } } }`;
  const REMOVE = `mutation ($id: ID!, $labels: [ID!]!) { removeLabelsFromLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Discussion { number } } } }`;

  // The label's id, as the app reads it by name: any case; null for a label the repository lacks.
  const byName = await ask(`query { repository(owner: "nodejs", name: "security-wg") { label(name: "Security-WG-Agenda") { id name } missing: label(name: "no-such-label") { id } } }`);
  expect(byName.data.repository).toEqual({ label: { id: labelId, name: "security-wg-agenda" }, missing: null });

  // A grant of discussions: read reads them only.
  const [app] = sandbox.state.installations;
  const granted = app?.permissions;
  if (app) app.permissions = { issues: "write", metadata: "read", discussions: "read" };
  const readOnly = await ask(ADD, { id: discussionId, labels: [labelId] });
  expect(readOnly.errors).toMatchObject([{ type: "FORBIDDEN", message: "Resource not accessible by integration" }]);
  const stranger = await ask(ADD, { id: discussionId, labels: [labelId] }, person("fraxken"));
  expect(stranger.errors).toMatchObject([{ message: "fraxken does not have the correct permissions to execute `AddLabelsToLabelable`" }]);
  const otherRepoLabel = repoNamed("other/elsewhere").labels.get("security-wg-agenda")?.nodeId;
  const foreign = await ask(ADD, { id: discussionId, labels: [labelId, otherRepoLabel] }, person("mhdawson"));
  expect(foreign.errors).toMatchObject([{ type: "NOT_FOUND", message: `Could not resolve to a node with the global id of '${otherRepoLabel}'` }]);
  expect(repo.discussions?.get(3)?.labels).toEqual(["meeting agenda"]);
  expect(events).toEqual([]);

  // The app's default grant, as app.yml asks, labels them.
  if (app) app.permissions = granted;
  const added = await ask(ADD, { id: discussionId, labels: [labelId] });
  expect(added.errors).toBeUndefined();
  expect(added.data.addLabelsToLabelable.labelable.labels.nodes).toEqual([{ name: "meeting agenda" }, { name: "security-wg-agenda" }]);
  const removed = await ask(REMOVE, { id: discussionId, labels: [labelId] });
  expect(removed.data.removeLabelsFromLabelable.labelable).toEqual({ number: 3 });
  expect(events.map((event) => `${event.name}.${"action" in event ? event.action : ""} by ${event.actor}`)).toEqual([
    "discussion.labeled by agenda-drafter[bot]",
    "discussion.unlabeled by agenda-drafter[bot]",
  ]);
});

test("the control endpoints do what a person does to discussions on GitHub's pages", async () => {
  const server = await startSandboxServer(sandbox, { port: 0 });
  const control = async (method: string, path: string, body: unknown = {}) => {
    const response = await fetch(`${server.url}/_sandbox${path}`, { method, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  try {
    expect(await control("POST", "/repos/nodejs/no-discussions/discussions", { title: "Too early" })).toEqual({ status: 400, body: { message: "nodejs/no-discussions has discussions turned off" } });
    expect(await control("POST", "/repos/nodejs/no-discussions/discussions/enable")).toEqual({ status: 200, body: { has_discussions: true } });
    const started = await control("POST", "/repos/nodejs/no-discussions/discussions", { title: "Agenda", category: "Ideas", labels: ["security-wg-agenda"], sender: "RafaelGSS" });
    expect(started).toMatchObject({ status: 200, body: { number: 2 } });
    expect(await control("PATCH", "/repos/nodejs/no-discussions/discussions/2", { category: "Nope" })).toEqual({ status: 400, body: { message: "category: nodejs/no-discussions has no discussion category Nope" } });
    expect((await control("PATCH", "/repos/nodejs/no-discussions/discussions/2", { closed: true, removeLabels: ["security-wg-agenda"] })).status).toBe(200);
    expect(await control("POST", "/repos/nodejs/no-discussions/discussions/2/transfer", { to: "nodejs/security-wg" })).toEqual({ status: 200, body: { repository: "nodejs/security-wg", number: 5 } });
    expect(await control("DELETE", "/repos/nodejs/security-wg/discussions/5", { sender: "RafaelGSS" })).toEqual({ status: 400, body: { message: "sender: RafaelGSS needs triage access to nodejs/security-wg" } });
    expect((await control("DELETE", "/repos/nodejs/security-wg/discussions/5")).status).toBe(200);
    expect(await control("DELETE", "/repos/nodejs/security-wg/discussions/5")).toEqual({ status: 404, body: { message: "nodejs/security-wg has no discussion #5" } });
    expect(sandbox.state.repos.get("nodejs/no-discussions")?.discussions?.size).toBe(0);
  } finally {
    await server.close();
  }
});
