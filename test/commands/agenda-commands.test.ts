import nock from "nock";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { fakeActions, github, mockIssue, mockPermission, mockReaction, mockReply, mockRepo, mockSteererReads, run } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function expectAllAsked(scopes: nock.Scope[]) {
  for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
}

describe("/agenda add", () => {
  test("labels items named every way, once each, and refreshes the agenda", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", []),
      mockRepo("nodejs/node", "public"),
      mockIssue("nodejs/node", 52575, "Remove the experimental policy feature", ["security-wg-agenda", "policy"]),
      mockIssue("nodejs/node", 52459, "Ask @everyone: limit `inactive` <b>members</b>", ["tsc-agenda"]),
      github()
        .post("/repos/nodejs/security-wg/issues/1255/labels", { labels: ["security-wg-agenda"] })
        .reply(200, [])
        .post("/repos/nodejs/node/issues/52459/labels", { labels: ["security-wg-agenda"] })
        .reply(200, []),
      mockReply((body) => (reply = body)),
    ];
    await run({
      body: "/agenda add #1255 nodejs/node#52575 https://github.com/nodejs/node/pull/52459/files NODEJS/node#52575",
      actions,
    });
    // Nothing is proposed on the issue: no proposal is looked for.
    expect(calls).toEqual([["refresh"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add #​1255 nodejs/node#​52575 https:​//github.com/nodejs/node/pull/52459/files NODEJS/node#​52575

Added to the agenda:
- nodejs/security-wg#1255: Node.js Security Initiatives 2024
- nodejs/node#52459: Ask @​everyone: limit \`inactive\` &lt;b>members&lt;/b>

Already on the agenda:
- nodejs/node#52575: Remove the experimental policy feature"
`);
    expectAllAsked(scopes);
  });

  test("an item outside the scope is refused without asking GitHub about it, and nothing changes", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      mockRepo("nodejs/node", "public"),
      mockIssue("nodejs/node", 52575, "Remove the experimental policy feature", []),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda add nodejs/node#52575 expressjs/express#5555", actions });
    expect(calls).toEqual([]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add nodejs/node#​52575 expressjs/express#​5555

Nothing changed: expressjs/express#5555 is outside the meeting's scope (the org nodejs)."
`);
    expectAllAsked(scopes);
  });

  test("an item of a private repository is refused for a public meeting, with the answer a missing repository gets", async () => {
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-advisories", "private"),
      mockRepo("nodejs/security-wg", "public"),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda add nodejs/security-advisories#12" });
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add nodejs/security-advisories#​12

Nothing changed: nodejs/security-advisories#12 is not an item this meeting can show: it does not exist, the app cannot see it, or its repository is not public while the meeting's issues and minutes are public."
`);
    expectAllAsked(scopes);
  });

  test("an internal repository's item shows on a private meeting that lists it in includePrivate", async () => {
    const meeting = securityWgMeeting({ includePrivate: ["nodejs/security-advisories"] });
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-advisories", "internal"),
      mockRepo("nodejs/security-wg", "private"),
      mockIssue("nodejs/security-advisories", 12, "Triage the April reports", []),
      github().post("/repos/nodejs/security-advisories/issues/12/labels").reply(200, []),
      mockReply(() => undefined),
    ];
    await run({ body: "/agenda add nodejs/security-advisories#12", meeting });
    expectAllAsked(scopes);
  });

  test("a private meeting refuses a private repository it does not list", async () => {
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/build-private", "private"),
      mockRepo("nodejs/security-wg", "private"),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda add nodejs/build-private#3" });
    expect(reply).toContain("the meeting's include_private does not list");
    expectAllAsked(scopes);
  });

  test("closed and missing items are refused", async () => {
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      mockRepo("nodejs/node", "public"),
      github().get("/repos/nodejs/node/issues/99999999").reply(404, { message: "Not Found" }),
      mockIssue("nodejs/node", 51000, "Old discussion", [], "closed"),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda add nodejs/node#99999999 nodejs/node#51000" });
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add nodejs/node#​99999999 nodejs/node#​51000

Nothing changed:
- nodejs/node#99999999 does not exist.
- nodejs/node#51000 is closed; only open items are on the agenda."
`);
    expectAllAsked(scopes);
  });

  test("what is not a reference gets the usage", async () => {
    let reply = "";
    const scope = mockReply((body) => (reply = body));
    await run({ body: "/agenda add https://evil.example/nodejs/node/issues/1" });
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add https:​//evil.example/nodejs/node/issues/1

"https:​//evil.example/nodejs/node/issues/1" is not an issue, pull request or discussion: write \`#12\`, \`owner/repo#12\` or its URL on github.com. Usage: \`/agenda add <ref>...\` (\`/help\` lists every command.)"
`);
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("/agenda add of a discussion", () => {
  const meeting = { ...securityWgMeeting(), sources: { discussions: { categories: ["Ideas"] } } };
  const url = "https://github.com/nodejs/security-wg/discussions/4";
  const asks = (part: string) => (body: { query: string }) => body.query.includes(part);

  /** What the command reads before it labels: the steerer, the home repo, the discussion through GraphQL, then the label's and the discussion's node ids. */
  function mockReads(discussion: { labels: { nodes: { name: string }[] } } = { labels: { nodes: [] } }) {
    return [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      github()
        .post("/graphql", asks("discussion(number: 4)"))
        .reply(200, {
          data: {
            r0: {
              nameWithOwner: "nodejs/security-wg",
              visibility: "PUBLIC",
              i0: {
                __typename: "Discussion",
                number: 4,
                title: "Threat model",
                url,
                createdAt: "2024-03-20T08:00:00Z",
                updatedAt: "2024-03-20T08:00:00Z",
                author: { login: "mhdawson" },
                ...discussion,
                closed: false,
                category: { name: "Ideas" },
              },
            },
          },
        })
        .post("/graphql", asks("label(name:"))
        .reply(200, { data: { repository: { label: { id: "LA_agenda" }, discussion: { id: "D_4" } } } }),
    ];
  }
  const refusedForPermission = {
    data: { addLabelsToLabelable: null },
    errors: [{ type: "FORBIDDEN", path: ["addLabelsToLabelable"], locations: [{ line: 1, column: 40 }], message: "Resource not accessible by integration" }],
  };
  const addLabel = (body: { query: string; variables: Record<string, unknown> }) =>
    body.query.includes("addLabelsToLabelable") && body.variables["labelable"] === "D_4" && body.variables["label"] === "LA_agenda";

  test("labels it through GraphQL by the node ids of the label and the discussion, and refreshes the agenda", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      ...mockReads(),
      github().post("/graphql", addLabel).reply(200, { data: { addLabelsToLabelable: { clientMutationId: null } } }),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: `/agenda add ${url}`, meeting, actions });
    expect(calls).toEqual([["refresh"]]);
    expect(reply).toContain("Added to the agenda:\n- nodejs/security-wg#4: Threat model");
    expectAllAsked(scopes);
  });

  test("an installation that may only read discussions is told to have an owner accept the app's updated permissions", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      ...mockReads(),
      github().post("/graphql", addLabel).reply(200, refusedForPermission),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: `/agenda add ${url}`, meeting, actions });
    expect(calls).toEqual([]);
    expect(reply).toContain(
      "Nothing changed: the app may not label discussions in nodejs/security-wg: labelling takes the Discussions permission, write, which the app asks for and its installation on nodejs has not been granted. An owner of nodejs accepts the app's updated permissions",
    );
    expectAllAsked(scopes);
  });

  test("with an issue, the issue is added and the agenda refreshed; the discussion gets one line saying why it is not", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      ...mockReads(),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", []),
      github().post("/repos/nodejs/security-wg/issues/1255/labels", { labels: ["security-wg-agenda"] }).reply(200, []),
      github().post("/graphql", addLabel).reply(200, refusedForPermission),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: `/agenda add #1255 ${url}`, meeting, actions });
    expect(calls).toEqual([["refresh"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add #​1255 https:​//github.com/nodejs/security-wg/discussions/4

Added to the agenda:
- nodejs/security-wg#1255: Node.js Security Initiatives 2024

Not added:
- nodejs/security-wg#4: the app may not label discussions in nodejs/security-wg: labelling takes the Discussions permission, write, which the app asks for and its installation on nodejs has not been granted. An owner of nodejs accepts the app's updated permissions (its settings, GitHub Apps, the app's Configure page)."
`);
    expectAllAsked(scopes);
  });

  test("/agenda remove of the same two, the issue not on the agenda: nothing changed, and the reply says why for each", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const labelled = { labels: { nodes: [{ name: "security-wg-agenda" }] } };
    const scopes = [
      ...mockReads(labelled),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", []),
      github()
        .post("/graphql", (body: { query: string }) => body.query.includes("removeLabelsFromLabelable"))
        .reply(200, refusedForPermission),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: `/agenda remove #1255 ${url}`, meeting, actions });
    expect(calls).toEqual([]);
    expect(reply).toContain(`Nothing changed:
- nodejs/security-wg#4: the app may not label discussions in nodejs/security-wg: labelling takes the Discussions permission, write`);
    expect(reply).toContain("Not on the agenda:\n- nodejs/security-wg#1255: Node.js Security Initiatives 2024");
    expectAllAsked(scopes);
  });
});

describe("/agenda add of items GitHub fails on", () => {
  test("an item whose label write fails on a 502 is told as failed, those added are told, and the error reaches the app", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      ...mockSteererReads("nodejs/security-wg"),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", []),
      mockIssue("nodejs/security-wg", 1263, "Release announcement", []),
      github()
        .post("/repos/nodejs/security-wg/issues/1255/labels")
        .reply(502, { message: "Server Error" })
        .post("/repos/nodejs/security-wg/issues/1263/labels")
        .reply(200, []),
      mockReply((body) => (reply = body)),
    ];
    await expect(run({ body: "/agenda add #1255 #1263", actions })).rejects.toThrow("Server Error");
    expect(calls).toEqual([["refresh"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda add #​1255 #​1263

Added to the agenda:
- nodejs/security-wg#1263: Release announcement

Not added:
- nodejs/security-wg#1255: failed on an unexpected error, which the app has logged; it may have changed all the same."
`);
    expectAllAsked(scopes);
  });

  test("one item GitHub fails on, alone, is the command's failure, as before", async () => {
    let reply = "";
    const scopes = [
      ...mockSteererReads("nodejs/security-wg"),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", []),
      github().post("/repos/nodejs/security-wg/issues/1255/labels").reply(502, { message: "Server Error" }),
      mockReply((body) => (reply = body)),
    ];
    await expect(run({ body: "/agenda add #1255" })).rejects.toThrow("Server Error");
    expect(reply).toContain("This failed on an unexpected error, which the app has logged; it may be partly done.");
    expectAllAsked(scopes);
  });
});

describe("items per comment", () => {
  test("ten commands of twenty items each: the first twenty are looked up, the rest refused, and the reply says how many a comment may name", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const issuePath = /^\/repos\/nodejs\/security-wg\/issues\/(\d+)$/;
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      github()
        .get("/repos/nodejs/security-wg")
        .reply(200, { full_name: "nodejs/security-wg", private: false, visibility: "public", archived: false }),
      github()
        .get(issuePath)
        .times(20)
        .reply(200, (uri) => {
          const number = Number(issuePath.exec(uri)?.[1]);
          return { number, title: `Item ${number}`, state: "open", html_url: `https://github.com/nodejs/security-wg/issues/${number}`, repository_url: "https://api.github.com/repos/nodejs/security-wg", labels: [] };
        }),
      github().post(/^\/repos\/nodejs\/security-wg\/issues\/\d+\/labels$/).times(20).reply(200, []),
      mockReply((body) => (reply = body)),
    ];
    const command = (first: number) => `/agenda add ${Array.from({ length: 20 }, (_, index) => `#${first + index}`).join(" ")}`;
    await run({ body: Array.from({ length: 10 }, (_, index) => command(1 + 20 * index)).join("\n"), actions });
    // Nothing is proposed on the issue: no proposal is looked for.
    expect(calls).toEqual([["refresh"]]);
    const answers = reply.split("\n\n").filter((part) => !part.startsWith("> "));
    expect(answers).toHaveLength(10);
    expect(answers[0]).toMatch(/^Added to the agenda:\n- nodejs\/security-wg#1: Item 1\n/);
    expect(new Set(answers.slice(1))).toEqual(
      new Set(["Nothing changed: a comment's commands name at most 20 items in all, and this one would make 40."]),
    );
    expectAllAsked(scopes);
  });
});

describe("/agenda remove", () => {
  test("removes every agenda label of the meeting, and only those", async () => {
    const meeting = securityWgMeeting({ agendaLabels: ["security-wg-agenda", "security-agenda"] });
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/node", "public"),
      mockIssue("nodejs/node", 52575, "Remove the experimental policy feature", ["Security-WG-Agenda", "security-agenda", "tsc-agenda"]),
      mockRepo("nodejs/security-wg", "public"),
      mockIssue("nodejs/security-wg", 1255, "Node.js Security Initiatives 2024", ["tsc-agenda"]),
      github()
        .delete("/repos/nodejs/node/issues/52575/labels/Security-WG-Agenda")
        .reply(200, [])
        .delete("/repos/nodejs/node/issues/52575/labels/security-agenda")
        .reply(404, { message: "Label does not exist" }),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda remove nodejs/node#52575 #1255", meeting, actions });
    expect(calls).toEqual([["refresh"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda remove nodejs/node#​52575 #​1255

Removed from the agenda:
- nodejs/node#52575: Remove the experimental policy feature

Not on the agenda:
- nodejs/security-wg#1255: Node.js Security Initiatives 2024"
`);
    expectAllAsked(scopes);
  });
});

describe("/agenda refresh", () => {
  test("reacts and replies nothing", async () => {
    const { actions, calls } = fakeActions();
    const scopes = [mockPermission("RafaelGSS", "admin"), mockReaction()];
    await expect(run({ body: "/Agenda REFRESH", actions })).resolves.toEqual({ ran: true });
    expect(calls).toEqual([["refresh"]]);
    expectAllAsked(scopes);
  });
});
