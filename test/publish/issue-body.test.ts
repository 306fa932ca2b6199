import { formatMarker, hashWithoutState, parseBody, spliceBody, wrapAgenda } from "../../src/publish/issue-body.js";
import { decodeState, emptyState, encodeState } from "../../src/publish/meeting-state.js";

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
  const once = spliceBody(people, { marker, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)", state });
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
  expect(spliceBody(once, { marker, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)", state })).toBe(once);
  expect(parseBody(once).human).toBe(parseBody(people).human);
  expect(parseBody(once)).toMatchObject({ marker, state, agenda: "* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)" });
});

test("a body whose markers people deleted gets the agenda back at the end, their text untouched", () => {
  const bare = "## Notes\n\n* Rafael: release next week\n";
  const repaired = spliceBody(bare, { marker, agenda: "* item", state });
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
  const parsed = parseBody(damaged);
  expect(parsed.marker).toBeUndefined();
  expect(parsed.state).toBeUndefined();
  const repaired = spliceBody(damaged, { marker, agenda: "* item", state });
  expect(parseBody(repaired)).toMatchObject({ marker, state });
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
