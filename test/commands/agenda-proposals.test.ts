// `/agenda propose` and `/agenda decline`: their arguments, the limits on proposing, and where
// the proposals show. The story on GitHub is test/e2e/agenda-proposals.e2e.test.ts.
import { agendaDecline } from "../../src/commands/agenda-decline.js";
import { agendaPropose } from "../../src/commands/agenda-propose.js";
import type { CommandContext } from "../../src/commands/command-context.js";
import { layoutProblems, toLayout } from "../../src/config/resolve-layout.js";
import type { RawMeeting } from "../../src/config/schema.js";
import type { Proposal } from "../../src/model.js";
import { keptText, proposalRefusal } from "../../src/operations/steps/proposal-limits.js";
import type { ProposalRecord } from "../../src/publish/proposal-record.js";
import { pendingProposals } from "../../src/publish/proposal-record.js";
import { proposalName, proposerMention } from "../../src/render/proposal-reply.js";
import { renderMeeting } from "../../src/render/render-meeting.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { securityWgAgenda } from "../render/fixtures/security-wg-agenda.js";
import nock from "nock";
import { fakeActions, github, mockIssue, mockPermission, mockReaction, mockReply, mockRepo, mockSteererReads, run } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const context = { meeting: securityWgMeeting(), webHost: "github.com", commenter: "aduh95" } as CommandContext;

describe("/agenda propose <ref> [why]", () => {
  const parse = (rest: string) => agendaPropose.parse(rest.split(/\s+/).filter(Boolean), rest, context);

  test("one item by any name, and the rest of the line as the reason", () => {
    expect(parse("#1263")).toEqual({ args: { ref: { repo: "nodejs/security-wg", number: 1263 } } });
    expect(parse("https://github.com/nodejs/node/pull/52459   needs a  decision ")).toEqual({
      args: { ref: { repo: "nodejs/node", number: 52459 }, why: "needs a  decision" },
    });
  });

  test("no item, something else, or an essay: the problem, shown with the usage", () => {
    expect(parse("")).toEqual({ problem: "Name the issue, pull request or discussion you propose." });
    expect(parse("@everyone please")).toEqual({
      problem: '"@\u200Beveryone" is not an issue, pull request or discussion: write `#12`, `owner/repo#12` or its URL on github.com.',
    });
    expect(parse(`#1 ${"x".repeat(1_001)}`)).toEqual({ problem: "The reason is 1001 characters long; keep it under 1000." });
  });

  test("anyone who may comment proposes; one item counts against the comment's 20", () => {
    expect(agendaPropose.access({ ref: { repo: "nodejs/node", number: 1 } }, context)).toBe("comment");
    expect(agendaPropose.itemCount?.({ ref: { repo: "nodejs/node", number: 1 } })).toBe(1);
  });
});

describe("/agenda decline <ref> [reason]", () => {
  const parse = (rest: string) => agendaDecline.parse(rest.split(/\s+/).filter(Boolean), rest, context);

  test("one item and a reason; only steerers decline", () => {
    expect(parse("nodejs/node#52575 Covered elsewhere")).toEqual({ args: { ref: { repo: "nodejs/node", number: 52575 }, reason: "Covered elsewhere" } });
    expect(parse("")).toEqual({ problem: "Name the proposed issue, pull request or discussion." });
    expect(parse(`#1 ${"x".repeat(501)}`)).toEqual({ problem: "The reason is 501 characters long; keep it under 500." });
    expect(agendaDecline.access({ ref: { repo: "nodejs/node", number: 1 } }, context)).toBe("steer");
  });
});

describe("the limits on proposing", () => {
  const now = new Date("2024-03-26T09:30:00Z");
  const record = (number: number, by: string, at: string, decided?: ProposalRecord["decided"]): ProposalRecord => ({
    repo: "nodejs/node",
    number,
    by,
    at,
    ...(decided ? { decided } : { title: `Item ${number}`, url: `https://github.com/nodejs/node/issues/${number}` }),
  });
  const ref = { repo: "nodejs/node" as const, number: 7 };

  test("a first proposal passes", () => {
    expect(proposalRefusal([], "aduh95", ref, now)).toBeUndefined();
  });

  test("an item proposed already, or declined for this meeting, is not proposed again (its name in any case)", () => {
    expect(proposalRefusal([record(7, "x", "2024-03-26T08:00:00Z")], "aduh95", { repo: "NodeJS/Node", number: 7 }, now)).toBe(
      "NodeJS/Node#7 is proposed already and waits for a steerer.",
    );
    const declined = record(7, "x", "2024-03-26T08:00:00Z", { outcome: "declined", by: "RafaelGSS", at: "2024-03-26T08:10:00Z" });
    expect(proposalRefusal([declined], "aduh95", ref, now)).toBe("nodejs/node#7 was declined for this meeting; propose it again on the next meeting's issue.");
    const added = record(7, "x", "2024-03-26T08:00:00Z", { outcome: "added", by: "RafaelGSS", at: "2024-03-26T08:10:00Z" });
    expect(proposalRefusal([added], "aduh95", ref, now)).toBeUndefined();
    const gone = record(7, "x", "2024-03-26T08:00:00Z", { outcome: "declined", by: "", via: "gone", at: "2024-03-26T08:10:00Z" });
    expect(proposalRefusal([gone], "aduh95", ref, now)).toBeUndefined();
  });

  test("two an hour: the answer says when the oldest of them leaves the hour; decided ones count", () => {
    const two = [
      record(1, "ADUH95", "2024-03-26T08:45:00Z", { outcome: "declined", by: "RafaelGSS", at: "2024-03-26T08:50:00Z" }),
      record(2, "aduh95", "2024-03-26T09:10:00Z"),
    ];
    expect(proposalRefusal(two, "aduh95", ref, now)).toBe(
      "you have made 2 proposals within the hour, the most one person may; you can propose again from 2024-03-26 09:45 UTC.",
    );
    expect(proposalRefusal(two, "aduh95", ref, new Date("2024-03-26T09:45:00Z"))).toBeUndefined();
    expect(proposalRefusal(two, "someone-else", ref, now)).toBeUndefined();
  });

  test("three a meeting for each person, twenty waiting and fifty in all for the meeting", () => {
    const three = [1, 2, 3].map((number) => record(number, "aduh95", "2024-03-25T08:00:00Z"));
    expect(proposalRefusal(three, "aduh95", ref, now)).toBe(
      "you have made 3 proposals for this meeting, the most one person may; propose again on the next meeting's issue.",
    );
    const waiting = Array.from({ length: 20 }, (_, index) => record(100 + index, `person-${index}`, "2024-03-25T08:00:00Z"));
    expect(proposalRefusal(waiting, "aduh95", ref, now)).toBe(
      "20 proposals already wait for a steerer, the most a meeting holds; propose again once some are decided.",
    );
    const decided = { outcome: "added" as const, by: "RafaelGSS", at: "2024-03-25T09:00:00Z" };
    const fifty = Array.from({ length: 50 }, (_, index) => record(100 + index, `person-${index}`, "2024-03-25T08:00:00Z", decided));
    expect(proposalRefusal(fifty, "aduh95", ref, now)).toBe("this meeting has had 50 proposals, the most one meeting takes; propose on the next meeting's issue.");
  });

  test("a reason is kept as one line of at most 200 characters, cut between characters", () => {
    expect(keptText("  first\n\nsecond\tthird\u0000 ", 200)).toBe("first second third");
    expect(keptText(`${"a".repeat(198)}😀😀`, 200)).toBe(`${"a".repeat(198)}…`);
    expect(keptText("x".repeat(300), 200)).toHaveLength(200);
  });

  test("only undecided proposals are pending", () => {
    const decided = record(1, "aduh95", "2024-03-25T08:00:00Z", { outcome: "added", by: "RafaelGSS", at: "2024-03-25T09:00:00Z" });
    expect(pendingProposals([decided, { ...record(2, "aduh95", "2024-03-25T08:00:00Z"), why: "because" }])).toEqual([
      { repo: "nodejs/node", number: 2, title: "Item 2", url: "https://github.com/nodejs/node/issues/2", by: "aduh95", why: "because" },
    ]);
  });
});

describe("the one mention a decision makes", () => {
  test("the proposer as a live mention; anything that is not a login pings nobody", () => {
    expect(proposerMention("aduh95")).toBe("@aduh95");
    expect(proposerMention("nodejs/tsc")).toBe("@\u200Bnodejs/tsc");
  });

  test("the item by its title, escaped, and its reference; the reference alone when the title is not known", () => {
    expect(proposalName({ repo: "nodejs/node", number: 7, title: "Ask @nodejs/tsc about *this*" })).toBe("Ask @\u200Bnodejs/tsc about \\*this\\* (nodejs/node#7)");
    expect(proposalName({ repo: "nodejs/node", number: 7 })).toBe("nodejs/node#7");
  });
});

describe("the Proposed section", () => {
  const proposal: Proposal = {
    repo: "nodejs/node",
    number: 52600,
    title: "Audit `fs` <b>now</b>",
    url: "https://github.com/nodejs/node/issues/52600",
    by: "aduh95",
    why: "@everyone #1",
  };
  const agendaWith = (proposals: Proposal[], layout?: RawMeeting["layout"]) => {
    const base = securityWgAgenda();
    const meeting = layout ? { ...base.meeting, layout: toLayout(layout) } : base.meeting;
    return { ...base, meeting, occurrence: { ...base.occurrence, proposals } };
  };
  const line =
    "* Audit `fs` &lt;b>now&lt;/b> [#52600](https://github.com/nodejs/node/issues/52600) (nodejs/node), proposed by @\u200Baduh95: @\u200Beveryone #\u200B1";

  test("by default it follows the agenda's section, in the issue and the minutes, and is left out while nothing is proposed", async () => {
    const rendered = await renderMeeting({ agenda: agendaWith([proposal]) });
    expect(rendered.agendaMarkdown).toContain(`### Proposed\n\n${line}\n`);
    expect(rendered.minutesBody).toContain(`## Proposed\n\n${line}\n`);
    expect(rendered.minutesBody.indexOf("## Proposed")).toBeLessThan(rendered.minutesBody.indexOf("## Q&A, Other"));
    const none = await renderMeeting({ agenda: agendaWith([]) });
    expect(none.agendaMarkdown).not.toContain("### Proposed");
    expect(none.minutesBody).not.toContain("## Proposed");
  });

  test("an item on the agenda already is not listed as proposed", async () => {
    const agenda = agendaWith([{ ...proposal, repo: "nodejs/security-wg", number: 1255, url: "https://github.com/nodejs/security-wg/issues/1255" }]);
    expect((await renderMeeting({ agenda })).minutesBody).not.toContain("## Proposed");
  });

  test("a layout places it with `proposals: true`, under its own heading", async () => {
    const layout = { sections: [{ heading: "Proposals to discuss", proposals: true }, { heading: "Agenda", agenda: true }] };
    const rendered = await renderMeeting({ agenda: agendaWith([proposal], layout) });
    expect(rendered.minutesBody).toContain(`## Proposals to discuss\n\n${line}\n\n## Agenda`);
  });

  test("one section holds the proposals, and nothing else", () => {
    const problems = layoutProblems({
      layout: {
        sections: [
          { heading: "A", agenda: true },
          { heading: "B", proposals: true, labels: ["x"] },
          { heading: "C", proposals: true },
        ],
      },
    } as RawMeeting);
    expect(problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`)).toEqual([
      "layout.sections: at most one section has `proposals: true`; sections 2 and 3 have it",
      "layout.sections.1.proposals: a section holds the proposals, or the agenda or the items of some labels, not both",
    ]);
  });
});

describe("the commands on a comment", () => {
  test("/help lists both, with who may use them", async () => {
    let reply = "";
    const scopes = [mockReaction(), mockReply((body) => (reply = body))];
    await run({ body: "/help", login: "octocat" });
    expect(reply).toContain("| `/agenda propose <ref> [why]` | Proposes an item (named as for `/agenda add`) for the agenda without labelling it");
    expect(reply).toContain("| anyone who may comment | `/agenda propose nodejs/node#52575`<br>");
    expect(reply).toContain("| `/agenda decline <ref> [reason]` | Declines an item proposed with `/agenda propose`");
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("a stranger proposes without the steerers' check; the limits' answer is the reply, and nothing is refreshed", async () => {
    const { actions, calls } = fakeActions({ propose: async () => ({ refused: "you have made 3 proposals for this meeting" }) });
    let reply = "";
    const scopes = [
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      mockRepo("nodejs/node", "public"),
      mockIssue("nodejs/node", 52575, "Remove --experimental-policy", []),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/agenda propose nodejs/node#52575 because", login: "evil-stranger", actions });
    expect(reply).toBe("> /agenda propose nodejs/node#\u200B52575 because\n\nNothing changed: you have made 3 proposals for this meeting");
    expect(calls).toEqual([]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("/agenda add of a proposed item has its proposer told who added it", async () => {
    const { actions, calls } = fakeActions({
      decideProposals: async (refs, decision) => {
        calls.push(["decideProposals", refs, decision]);
        return [{ repo: "nodejs/node", number: 52575, title: "Remove --experimental-policy", by: "evil-stranger" }];
      },
    });
    let reply = "";
    const scopes = [
      mockPermission("RafaelGSS", "admin"),
      mockReaction(),
      mockRepo("nodejs/security-wg", "public"),
      mockRepo("nodejs/node", "public"),
      mockIssue("nodejs/node", 52575, "Remove --experimental-policy", []),
      github().post("/repos/nodejs/node/issues/52575/labels", { labels: ["security-wg-agenda"] }).reply(200, []),
      mockReply((body) => (reply = body)),
    ];
    const proposals = [{ repo: "nodejs/node" as const, number: 52575, title: "Remove --experimental-policy", url: "https://github.com/nodejs/node/issues/52575", by: "evil-stranger" }];
    await run({ body: "/agenda add nodejs/node#52575", actions, occurrence: { ...march28, proposals } });
    expect(calls).toEqual([["decideProposals", [{ repo: "nodejs/node", number: 52575 }], { outcome: "added", told: "is on the agenda, added by @\u200BRafaelGSS." }], ["refresh"]]);
    expect(reply).toBe("> /agenda add nodejs/node#\u200B52575\n\nAdded to the agenda:\n- nodejs/node#52575: Remove --experimental-policy");
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("a proposed item that GitHub fails to label stays proposed, and its proposer is not told", async () => {
    const { actions, calls } = fakeActions();
    const scopes = [
      ...mockSteererReads("nodejs/security-wg", "nodejs/node"),
      mockIssue("nodejs/node", 52575, "Remove --experimental-policy", []),
      mockIssue("nodejs/node", 52459, "Limit inactive members", []),
      github()
        .post("/repos/nodejs/node/issues/52575/labels")
        .reply(200, [])
        .post("/repos/nodejs/node/issues/52459/labels")
        .reply(502, { message: "Server Error" }),
      mockReply(() => undefined),
    ];
    const proposal = (number: number) => ({ repo: "nodejs/node" as const, number, title: `Item ${number}`, url: `https://github.com/nodejs/node/issues/${number}`, by: "evil-stranger" });
    const occurrence = { ...march28, proposals: [proposal(52575), proposal(52459)] };
    await expect(run({ body: "/agenda add nodejs/node#52575 nodejs/node#52459", actions, occurrence })).rejects.toThrow("Server Error");
    expect(calls).toEqual([["decideProposals", [{ repo: "nodejs/node", number: 52575 }], { outcome: "added", told: "is on the agenda, added by @\u200BRafaelGSS." }], ["refresh"]]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });
});
