import { readFileSync } from "node:fs";
import nock from "nock";
import { commandsMarkdownTable } from "../../src/commands/commands-markdown-table.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { fakeActions, github, mockPermission, mockReaction, mockReply, run } from "./harness.js";

/** GitHub refuses longer comments. */
const GITHUB_COMMENT_LIMIT = 65_536;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("/present", () => {
  test("for oneself, anyone who may comment, without a permission lookup", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockReaction(),
      github().get("/users/octocat").reply(200, { login: "octocat", name: "The <b>Octocat</b> @github", type: "User" }),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/present", login: "octocat", actions });
    expect(calls).toEqual([["recordAttendees", [{ login: "octocat", name: "The <b>Octocat</b> @github" }]]]);
    expect(reply).toMatchInlineSnapshot(`
"> /present

Recorded as present:
* The &lt;b>Octocat&lt;/b> @​github (@​octocat)"
`);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("naming others takes steering rights", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "triage"),
      mockReaction(),
      github()
        .get("/users/mhdawson")
        .reply(200, { login: "mhdawson", name: "Michael Dawson" })
        .get("/users/UlisesGascon")
        .reply(200, { login: "UlisesGascon", name: null }),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/present @mhdawson UlisesGascon @MHDAWSON", actions });
    expect(calls).toHaveLength(1);
    expect(reply).toMatchInlineSnapshot(`
"> /present @​mhdawson UlisesGascon @​MHDAWSON

Recorded as present:
* Michael Dawson (@​mhdawson)
* @​UlisesGascon"
`);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("naming others without steering rights is refused", async () => {
    const { actions, calls } = fakeActions();
    const scopes = [
      mockPermission("octocat", "read"),
      github().get("/orgs/nodejs/teams/security-wg/memberships/octocat").reply(404, {}),
      mockReply(() => undefined),
    ];
    await run({ body: "/present @mhdawson", login: "octocat", actions });
    expect(calls).toEqual([]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("an unknown user is refused and nobody is recorded", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    mockPermission("RafaelGSS", "admin");
    mockReaction();
    github().get("/users/mhdawson").reply(200, { login: "mhdawson", name: "Michael Dawson" }).get("/users/no-such-person").reply(404, {});
    mockReply((body) => (reply = body));
    await run({ body: "/present @mhdawson @no-such-person", actions });
    expect(calls).toEqual([]);
    expect(reply).toMatchInlineSnapshot(`
"> /present @​mhdawson @​no-such-person

Nothing changed: GitHub has no user @​no-such-person."
`);
  });
});

describe("a comment", () => {
  test("/help lists the commands and who steers this meeting", async () => {
    let reply = "";
    const scopes = [mockReaction(), mockReply((body) => (reply = body))];
    await run({ body: "/help", login: "octocat" });
    expect(reply).toContain(commandsMarkdownTable());
    expect(reply.split("\n\n").at(-1)).toMatchInlineSnapshot(`"People who may steer this meeting: members of @​nodejs/security-wg and people with triage or higher on nodejs/security-wg."`);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("several commands get one reaction and one reply", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [mockPermission("RafaelGSS", "admin"), mockReaction(), mockReply((body) => (reply = body))];
    await run({ body: "Let's do this:\n\n/agenda refresh\n/minutes\n/agenda ad #1\n> /meeting cancel", actions });
    expect(calls).toEqual([["refresh"], ["openMinutes"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /minutes

Opened the minutes pull request: https://github.com/nodejs/security-wg/pull/1302

> /agenda ad #​1

"ad" is not a /agenda command. Did you mean \`/agenda add <ref>...\`? (\`/help\` lists every command.)"
`);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("runs once: a second claim of the same comment does nothing", async () => {
    const claimed = new Set<number>();
    const claim = async (id: number) => !claimed.has(id) && Boolean(claimed.add(id));
    const { actions, calls } = fakeActions();
    mockPermission("RafaelGSS", "admin");
    mockReaction();
    await expect(run({ body: "/agenda refresh", actions, claim })).resolves.toEqual({ ran: true });
    await expect(run({ body: "/agenda refresh", actions, claim })).resolves.toEqual({ ran: false });
    expect(calls).toEqual([["refresh"]]);
  });

  test("without commands it is not even claimed", async () => {
    const claims: number[] = [];
    const claim = async (id: number) => Boolean(claims.push(id));
    await expect(run({ body: "/cc @nodejs/security-wg\n```\n/minutes\n```", claim })).resolves.toEqual({ ran: false });
    expect(claims).toEqual([]);
  });

  test.each([
    ["a bot", { login: "dependabot[bot]", type: "Bot" }],
    ["the app itself", { login: "agenda-drafter[bot]", type: "Bot" }],
  ])("by %s runs nothing", async (_, user) => {
    const claims: number[] = [];
    const claim = async (id: number) => Boolean(claims.push(id));
    await expect(run({ body: "/agenda refresh", ...user, claim })).resolves.toEqual({ ran: false });
    expect(claims).toEqual([]);
  });

  test("more than ten commands: the first ten run", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    mockPermission("RafaelGSS", "admin");
    mockReaction();
    mockReply((body) => (reply = body));
    await run({ body: "/agenda refresh\n".repeat(12), actions });
    expect(calls).toHaveLength(10);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda refresh

A comment runs at most 10 commands; this one and the 1 after it did not run."
`);
  });

  test("a reply quotes at most 200 characters of a command line, however long it is", async () => {
    const replies: string[] = [];
    const scope = mockReply((body) => replies.push(body));
    // Each `<` shows as `&lt;` in a reply: quoted whole, this comment would make one of 260,000 characters.
    const line = `/agenda add ${"<".repeat(6_480)}`;
    await run({ body: Array.from({ length: 10 }, () => line).join("\n") });
    const [reply = ""] = replies;
    expect(reply.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(reply.split("\n\n")[0]).toBe(`> /agenda add ${"&lt;".repeat(188)}…`);
    expect(reply.match(/^> /gm)).toHaveLength(10);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("answers that would not fit in one GitHub comment are left out, and the reply says so", async () => {
    // A meeting that lets hundreds of people steer it names them all in each answer to /help.
    const logins = Array.from({ length: 600 }, (_, index) => `steerer-number-${index}`);
    const meeting = securityWgMeeting({ commands: { allow: { teams: [], logins } } });
    let reply = "";
    const scopes = [mockReaction(), mockReply((body) => (reply = body))];
    await run({ body: "/help\n".repeat(10), meeting });
    expect(reply.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(reply.split("\n\n").at(-1)).toMatch(
      /^The reply stops here: GitHub takes comments of at most 65,536 characters, and the answers to \d+ more commands do not fit\.$/,
    );
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("an unexpected failure is told, the rest still runs, and the error reaches the app", async () => {
    const { actions, calls } = fakeActions({
      refresh: async () => {
        throw new Error("GitHub answered 502");
      },
    });
    let reply = "";
    mockPermission("RafaelGSS", "admin");
    mockReaction();
    mockReply((body) => (reply = body));
    await expect(run({ body: "/agenda refresh\n/minutes", actions })).rejects.toThrow("GitHub answered 502");
    expect(calls).toEqual([["openMinutes"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /agenda refresh

This failed on an unexpected error, which the app has logged; it may be partly done.

> /minutes

Opened the minutes pull request: https://github.com/nodejs/security-wg/pull/1302"
`);
  });
});

test("the README holds the commands table generated from the declarations", () => {
  const docs = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = "<!-- commands-table:start -->\n";
  const end = "\n<!-- commands-table:end -->";
  const table = docs.slice(docs.indexOf(start) + start.length, docs.indexOf(end));
  expect(table).toBe(commandsMarkdownTable());
});
