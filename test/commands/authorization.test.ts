import nock from "nock";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";
import { fakeActions, mockPermission, mockReaction, mockReply, mockTeam, run } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("who may steer the meeting", () => {
  test.each(["admin", "maintain", "write", "triage"] as const)("%s on the home repo may", async (role) => {
    const { actions, calls } = fakeActions();
    const scopes = [mockPermission("mhdawson", role), mockReaction()];
    await expect(run({ body: "/agenda refresh", login: "mhdawson", actions })).resolves.toEqual({ ran: true });
    expect(calls).toEqual([["refresh"]]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("an active member of an invited team may, whatever their permission on the home repo", async () => {
    // A private member of the org: GitHub calls them CONTRIBUTOR in author_association, which is never asked.
    const { actions, calls } = fakeActions();
    const scopes = [mockPermission("vdeturckheim", "read"), mockTeam("security-wg", "vdeturckheim", "active"), mockReaction()];
    await run({ body: "/agenda refresh", login: "vdeturckheim", actions });
    expect(calls).toEqual([["refresh"]]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("read access and a pending invitation are not enough; the reply says who may", async () => {
    const { actions, calls } = fakeActions();
    let reply = "";
    const scopes = [
      mockPermission("octocat", "read"),
      mockTeam("security-wg", "octocat", "pending"),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/meeting cancel", login: "octocat", actions });
    expect(calls).toEqual([]);
    expect(reply).toMatchInlineSnapshot(`
"> /meeting cancel

Nothing changed: only people who may steer this meeting can do this; they are members of @​nodejs/security-wg and people with triage or higher on nodejs/security-wg."
`);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  test("someone who is no collaborator and in no team may not", async () => {
    let reply = "";
    const scopes = [
      github404("/repos/nodejs/security-wg/collaborators/octocat/permission"),
      mockTeam("security-wg", "octocat", null),
      mockReply((body) => (reply = body)),
    ];
    await run({ body: "/minutes", login: "octocat" });
    expect(reply).toContain("Nothing changed: only people who may steer this meeting");
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });

  describe("commands.allow replaces the default", () => {
    const meeting = securityWgMeeting({ commands: { allow: { teams: ["@nodejs/tsc"], logins: ["@mhdawson"] } } });

    test("a login it names may, without any lookup", async () => {
      const { actions, calls } = fakeActions();
      const scope = mockReaction();
      await run({ body: "/agenda refresh", login: "MHDawson", meeting, actions });
      expect(calls).toEqual([["refresh"]]);
      expect(scope.pendingMocks()).toEqual([]);
    });

    test("a member of a team it names may", async () => {
      const scopes = [mockTeam("tsc", "joyeecheung", "active"), mockReaction()];
      await run({ body: "/agenda refresh", login: "joyeecheung", meeting });
      for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    });

    test("an admin of the home repo it does not name may not", async () => {
      let reply = "";
      const scopes = [mockTeam("tsc", "RafaelGSS", null), mockReply((body) => (reply = body))];
      await run({ body: "/agenda refresh", login: "RafaelGSS", meeting });
      expect(reply).toMatchInlineSnapshot(`
"> /agenda refresh

Nothing changed: only people who may steer this meeting can do this; they are only @​nodejs/tsc and @​mhdawson (the meeting's commands.allow)."
`);
      for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
    });
  });

  test("one lookup per comment however many commands it holds", async () => {
    const { actions, calls } = fakeActions();
    const scopes = [mockPermission("mhdawson", "triage"), mockReaction()];
    await run({ body: "/agenda refresh\n/agenda refresh", login: "mhdawson", actions });
    expect(calls).toEqual([["refresh"], ["refresh"]]);
    for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
  });
});

function github404(path: string) {
  return nock("https://api.github.com").get(path).reply(404, { message: "Not Found" });
}
