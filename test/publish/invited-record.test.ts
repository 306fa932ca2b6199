import { encodeState, emptyState } from "../../src/publish/meeting-state.js";
import { MOST_RECORDED_CHARACTERS, recordInvitedTeams } from "../../src/publish/invited-record.js";

test("a team of thousands is recorded in order until the record is full, the rest counted, and the state stays far below the body limit", () => {
  const members = Array.from({ length: 2000 }, (_, index) => ({ login: `member-${index}`.padEnd(39, "x"), name: "N".repeat(100) }));
  const [team] = recordInvitedTeams([{ team: "@nodejs/big", members, privateMembers: 3 }]);
  expect(team!.members[0]).toEqual(members[0]);
  expect(team!.members.length + team!.unlistedMembers!).toBe(2000);
  expect(team!.privateMembers).toBe(3);
  expect(JSON.stringify(team!.members).length).toBeLessThanOrEqual(MOST_RECORDED_CHARACTERS);
  const state = encodeState({ ...emptyState({ v: 1, meeting: "m", occurrence: "2024-03-28" }), frozen: { at: "", groups: [], searchUrls: [], invitedTeams: [team!] } });
  expect(state.length).toBeLessThan(20_000);
});

test("a team that fits is recorded whole, with no count of unlisted members", () => {
  const teams = [{ team: "@nodejs/security-wg", members: [{ login: "RafaelGSS", name: "Rafael Gonzaga" }], privateMembers: 1 }];
  expect(recordInvitedTeams(teams)).toEqual(teams);
});
