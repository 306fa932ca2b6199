import { generateKeyPairSync } from "node:crypto";
import { formatMarker, hashWithoutState, parseBody, spliceBody, wrapAgenda } from "../../src/publish/issue-body.js";
import { decodeState, emptyState, encodeState } from "../../src/publish/meeting-state.js";
import { StateSigner } from "../../src/publish/state-signer.js";
import { testSeal } from "../fixtures/state-signer.js";

const SEAL = testSeal(1260);

const marker = { v: 1 as const, meeting: "security-wg", occurrence: "2024-03-28" };
const state = { ...emptyState(marker), agendaItems: ["nodejs/security-wg#1255"] };

const people = `## Agenda

<!-- agenda-drafter:agenda:start -->
* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)
<!-- agenda-drafter:agenda:end -->

## Notes

* Michael: the Permission Model roadmap goes first.
`;

test("splicing replaces only the agenda, adds the marker and the state, and is stable", () => {
  const once = spliceBody(people, { marker, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)", state }, SEAL);
  expect(once.replace(/state \S+/, "state …")).toMatchInlineSnapshot(`
"<!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->
## Agenda

<!-- agenda-drafter:agenda:start -->
* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)
<!-- agenda-drafter:agenda:end -->

## Notes

* Michael: the Permission Model roadmap goes first.

<!-- agenda-drafter:state … -->
"
`);
  expect(spliceBody(once, { marker, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)", state }, SEAL)).toBe(once);
  expect(parseBody(once).human).toBe(parseBody(people).human);
  expect(parseBody(once, SEAL)).toMatchObject({ marker, state, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)" });
});

test("a body whose markers people deleted gets the agenda back at the end, their text untouched", () => {
  const bare = "## Notes\n\n* Rafael: release next week\n";
  const repaired = spliceBody(bare, { marker, agenda: "* item", state }, SEAL);
  expect(repaired.replace(/state \S+/, "state …")).toMatchInlineSnapshot(`
"<!-- agenda-drafter:meeting {"v":1,"meeting":"security-wg","occurrence":"2024-03-28"} -->
## Notes

* Rafael: release next week

<!-- agenda-drafter:agenda:start -->
* item
<!-- agenda-drafter:agenda:end -->

<!-- agenda-drafter:state … -->
"
`);
});

test("a damaged marker or state is read as absent, and replaced on the next write", () => {
  const damaged = `<!-- agenda-drafter:meeting {"v":1,"meeting": -->\n${people}\n<!-- agenda-drafter:state not-base64-json -->\n`;
  const parsed = parseBody(damaged, SEAL);
  expect(parsed.marker).toBeUndefined();
  expect(parsed.state).toBeUndefined();
  const repaired = spliceBody(damaged, { marker, agenda: "* item", state }, SEAL);
  expect(parseBody(repaired, SEAL)).toMatchObject({ marker, state });
  expect(repaired.match(/agenda-drafter:meeting/g)).toHaveLength(1);
});

test("titles in the state cannot close its comment: it is base64url JSON", () => {
  const hostile = { ...state, facts: [{ repo: "nodejs/node", number: 1, label: "--> <!-- x", present: true, at: "2024-03-26T09:00:00Z" }] };
  const encoded = encodeState(hostile);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(decodeState(encoded)).toEqual(hostile);
});

test("later fields of the state are kept as they were read", () => {
  const later = { ...state, frozenAgenda: ["nodejs/node#52575"] };
  expect(decodeState(encodeState(later))).toEqual(later);
});

test("the agenda is wrapped where the template put it, or appended", () => {
  expect(wrapAgenda("## Agenda\n\n* a\n\n## Joining\n", "* a\n")).toMatchInlineSnapshot(`
"## Agenda

<!-- agenda-drafter:agenda:start -->
* a
<!-- agenda-drafter:agenda:end -->

## Joining
"
`);
  expect(wrapAgenda("## Joining\n", "* a\n")).toMatchInlineSnapshot(`
"## Joining

<!-- agenda-drafter:agenda:start -->
* a
<!-- agenda-drafter:agenda:end -->
"
`);
});

test("the hash without the state ignores the state block and line endings", () => {
  const body = `${formatMarker(marker)}\n${people}`;
  expect(hashWithoutState(`${body}\n<!-- agenda-drafter:state e30 -->\n`)).toBe(hashWithoutState(body.replace(/\n/g, "\r\n")));
});

describe("the state is signed for its issue", () => {
  const signed = spliceBody(people, { marker, agenda: "* item", state }, SEAL);
  const block = /<!-- agenda-drafter:state (\S+) -->/.exec(signed)?.[1] ?? "";
  const [encoded] = block.split(".");

  test("it verifies in the issue it was signed for", () => {
    expect(parseBody(signed, SEAL)).toMatchObject({ marker, state });
    expect(parseBody(signed, SEAL).unverifiedState).toBeUndefined();
  });

  test("copied to another issue, another repository or another occurrence's marker, it does not verify", () => {
    for (const seal of [testSeal(1261), testSeal(1260, "nodejs/node")]) {
      expect(parseBody(signed, seal).state).toBeUndefined();
      expect(parseBody(signed, seal).unverifiedState).toBe(true);
    }
    const otherMarker = signed.replace('"occurrence":"2024-03-28"', '"occurrence":"2024-04-11"');
    expect(parseBody(otherMarker, SEAL).state).toBeUndefined();
  });

  test("edited, unsigned, or signed with another key, it does not verify", () => {
    const forged = encodeState({ ...state, minutes: { number: 1, url: "https://evil.example", state: "open", frozenAgenda: true } });
    const otherKey = StateSigner.fromSecret("another app's state key, as long as it must be");
    const otherSeal = { ...SEAL, signer: otherKey };
    const signedElsewhere = spliceBody(people, { marker, agenda: "* item", state }, otherSeal);
    for (const body of [signed.replace(encoded ?? "", forged), signed.replace(block, forged), signed.replace(block, `${forged}.`), signedElsewhere]) {
      expect(parseBody(body, SEAL).state).toBeUndefined();
      expect(parseBody(body, SEAL).unverifiedState).toBe(true);
    }
  });

  test("read without a seal, no state is trusted", () => {
    expect(parseBody(signed).state).toBeUndefined();
  });

  test("a new issue, whose number is not known yet, gets no state block", () => {
    expect(spliceBody(people, { marker, agenda: "* item", state }, undefined)).not.toContain("agenda-drafter:state");
  });

  test("the same key, in another PEM form, derives the same signer; a short configured key is refused", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const pkcs8 = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const signedFor = { issue: SEAL.issue, meeting: "security-wg", occurrence: "2024-03-28" };
    expect(StateSigner.fromPrivateKey(pkcs1).sign("e30", signedFor)).toBe(StateSigner.fromPrivateKey(pkcs8).sign("e30", signedFor));
    expect(() => StateSigner.fromSecret("too short")).toThrow("AGENDA_DRAFTER_STATE_KEY must be at least 32 characters long.");
  });
});
