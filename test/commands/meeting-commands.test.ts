import nock from "nock";
import { fakeActions, mockPermission, mockReaction, mockReply, run } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Runs a comment by a steerer and returns what the app was asked and the reply. */
async function steer(body: string, actions = fakeActions()) {
  let reply: string | undefined;
  const scopes = [mockPermission("RafaelGSS", "admin"), mockReaction(), mockReply((text) => (reply = text))];
  await run({ body, actions: actions.actions });
  expect(scopes[0]?.pendingMocks()).toEqual([]);
  return { calls: actions.calls, reply };
}

/** A comment whose arguments are wrong: no lookup, no reaction, only the reply. */
async function misuse(body: string) {
  let reply = "";
  const { actions, calls } = fakeActions();
  const scope = mockReply((text) => (reply = text));
  await run({ body, actions });
  expect(calls).toEqual([]);
  expect(scope.pendingMocks()).toEqual([]);
  return reply;
}

describe("/meeting cancel", () => {
  test("passes the reason as the comment shows it: as written, without what GitHub hides", async () => {
    // `<NodeConf>` is an HTML tag, which GitHub drops; `<3` is text.
    const { calls, reply } = await steer("/meeting cancel Most of us are at <NodeConf>NodeConf <3 @everyone<!-- unseen -->");
    expect(calls).toEqual([["cancel", "Most of us are at NodeConf <3 @everyone"]]);
    expect(reply).toBeUndefined();
  });

  test("without a reason", async () => {
    const { calls } = await steer("/meeting cancel");
    expect(calls).toEqual([["cancel", undefined]]);
  });
});

describe("/meeting reschedule", () => {
  test("in the meeting's zone", async () => {
    const { calls, reply } = await steer("/meeting reschedule 2024-03-29 16:00");
    expect(calls).toEqual([["reschedule", new Date("2024-03-29T16:00:00Z"), "UTC"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /meeting reschedule 2024-03-29 16:00

Moved to Friday 2024-03-29 16:00 (UTC)."
`);
  });

  test("in a zone of its own", async () => {
    const { calls, reply } = await steer("/meeting reschedule 2024-04-02 18:30 Europe/Berlin");
    expect(calls).toEqual([["reschedule", new Date("2024-04-02T16:30:00Z"), "Europe/Berlin"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /meeting reschedule 2024-04-02 18:30 Europe/Berlin

Moved to Tuesday 2024-04-02 18:30 (Europe/Berlin), 16:30 UTC."
`);
  });

  test("onto the date of the next occurrence is refused", async () => {
    const { calls, reply } = await steer("/meeting reschedule 2024-04-11 16:00");
    expect(calls).toEqual([]);
    expect(reply).toMatchInlineSnapshot(`
"> /meeting reschedule 2024-04-11 16:00

Nothing changed: The meeting already takes place on 2024-04-11; move the occurrence to a day of its own."
`);
  });

  test("into the past is refused", async () => {
    const { calls, reply } = await steer("/meeting reschedule 2024-03-25 16:00");
    expect(calls).toEqual([]);
    expect(reply).toContain("has already passed");
  });

  test("what only the app knows, it refuses", async () => {
    const actions = fakeActions({ reschedule: async () => ({ refused: "The minutes of this occurrence are already merged." }) });
    const { reply } = await steer("/meeting reschedule 2024-03-29 16:00", actions);
    expect(reply).toMatchInlineSnapshot(`
"> /meeting reschedule 2024-03-29 16:00

Nothing changed: The minutes of this occurrence are already merged."
`);
  });

  test.each([
    ["/meeting reschedule tomorrow"],
    ["/meeting reschedule tomorrow 16:00"],
    ["/meeting reschedule 2024-03-29 4pm"],
    ["/meeting reschedule 2024-02-30 16:00"],
    ["/meeting reschedule 2024-03-31 02:30 Europe/Berlin"],
    ["/meeting reschedule 2024-03-29 16:00 Mars/Olympus"],
    ["/meeting reschedule 2024-03-29 16:00 UTC again"],
  ])("bad arguments: %s", async (body) => {
    expect(await misuse(body)).toMatchSnapshot();
  });
});

describe("/minutes", () => {
  test("opens the pull request", async () => {
    const { calls, reply } = await steer("/minutes");
    expect(calls).toEqual([["openMinutes"]]);
    expect(reply).toMatchInlineSnapshot(`
"> /minutes

Opened the minutes pull request: https://github.com/nodejs/security-wg/pull/1302"
`);
  });

  test("regenerates it", async () => {
    const actions = fakeActions({
      openMinutes: async () => ({ pullRequestUrl: "https://github.com/nodejs/security-wg/pull/1302", regenerated: true, personPushed: false }),
    });
    expect((await steer("/minutes", actions)).reply).toMatchInlineSnapshot(`
"> /minutes

Regenerated the minutes in https://github.com/nodejs/security-wg/pull/1302"
`);
  });

  test("links to it once a person has pushed", async () => {
    const actions = fakeActions({
      openMinutes: async () => ({ pullRequestUrl: "https://github.com/nodejs/security-wg/pull/1302", regenerated: false, personPushed: true }),
    });
    expect((await steer("/minutes", actions)).reply).toMatchInlineSnapshot(`
"> /minutes

The minutes pull request already has commits by people, so it stays as it is: https://github.com/nodejs/security-wg/pull/1302"
`);
  });

  test("takes no arguments", async () => {
    expect(await misuse("/minutes now please")).toMatchInlineSnapshot(`
"> /minutes now please

It takes no arguments, but got "now please". Usage: \`/minutes\` (\`/help\` lists every command.)"
`);
  });
});

describe("misspelled and unknown subcommands", () => {
  test("the nearest command and its usage", async () => {
    expect(await misuse("/agenda ad #12")).toMatchInlineSnapshot(`
"> /agenda ad #​12

"ad" is not a /agenda command. Did you mean \`/agenda add <ref>...\`? (\`/help\` lists every command.)"
`);
    expect(await misuse("/meeting resched 2024-03-29 16:00")).toMatchInlineSnapshot(`
"> /meeting resched 2024-03-29 16:00

"resched" is not a /meeting command. Did you mean \`/meeting reschedule <YYYY-MM-DD> <HH:MM> [zone]\`? (\`/help\` lists every command.)"
`);
  });

  test("nothing near: every command of the verb", async () => {
    expect(await misuse("/agenda xyzzy")).toMatchInlineSnapshot(`
"> /agenda xyzzy

"xyzzy" is not a /agenda command. Did you mean \`/agenda add <ref>...\` or \`/agenda remove <ref>...\` or \`/agenda refresh\` or \`/agenda propose <ref> [why]\` or \`/agenda decline <ref> [reason]\`? (\`/help\` lists every command.)"
`);
    expect(await misuse("/meeting")).toMatchInlineSnapshot(`
"> /meeting

/meeting needs one of: cancel, reschedule. Did you mean \`/meeting cancel [reason]\` or \`/meeting reschedule <YYYY-MM-DD> <HH:MM> [zone]\`? (\`/help\` lists every command.)"
`);
  });
});
