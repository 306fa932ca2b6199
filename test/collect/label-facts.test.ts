import { concernsMeeting, factsOf, mergeFacts, reconcileFacts } from "../../src/collect/label-facts.js";
import { toAgendaItem } from "../../src/collect/to-agenda-item.js";
import { inactiveLimit, removeExperimentalPolicy, securityInitiatives } from "../fixtures/search-items.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

const meeting = securityWgMeeting();
const at = "2024-03-26T09:00:00Z";
const now = new Date("2024-03-26T10:00:00Z");

test("a change concerns a meeting when the item is in scope and bears or just lost an agenda label", () => {
  const change = { repo: "nodejs/node" as const, number: 52575, labels: ["policy"], open: true, at };
  expect(concernsMeeting(meeting, change)).toBe(false);
  expect(concernsMeeting(meeting, { ...change, lostLabel: "Security-WG-Agenda" })).toBe(true);
  expect(concernsMeeting(meeting, { ...change, repo: "expressjs/express", labels: ["security-wg-agenda"] })).toBe(false);
  expect(factsOf(meeting, { ...change, lostLabel: "security-wg-agenda" })).toEqual([
    { repo: "nodejs/node", number: 52575, label: "security-wg-agenda", present: false, at },
  ]);
  expect(factsOf(meeting, { ...change, labels: ["security-wg-agenda"], open: false })[0]?.present).toBe(false);
});

test("the latest fact per item and label wins; facts older than a day go", () => {
  const labelled = { repo: "nodejs/node", number: 52575, label: "security-wg-agenda", present: true, at };
  const unlabelled = { ...labelled, present: false, at: "2024-03-26T09:05:00Z" };
  const ancient = { ...labelled, number: 1, at: "2024-03-20T09:00:00Z" };
  expect(mergeFacts([unlabelled, ancient], [labelled], now)).toEqual([unlabelled]);
});

test("webhook facts fill in for a lagging search until it agrees", () => {
  const searched = [securityInitiatives(), inactiveLimit()].map(toAgendaItem);
  const facts = [
    // Labelled, search does not show it yet.
    { repo: "nodejs/node", number: 52575, label: "security-wg-agenda", present: true, at },
    // Unlabelled, search still shows it.
    { repo: "nodejs/node", number: 52459, label: "security-wg-agenda", present: false, at },
    // Labelled, and search agrees: done.
    { repo: "nodejs/security-wg", number: 1255, label: "security-wg-agenda", present: true, at },
  ];
  const reconciled = reconcileFacts(meeting, searched, facts);
  expect(reconciled.items.map((item) => item.number)).toEqual([1255]);
  expect(reconciled.missing).toEqual([{ repo: "nodejs/node", number: 52575 }]);
  expect(reconciled.pending).toEqual(facts.slice(0, 2));

  const caughtUp = reconcileFacts(meeting, [securityInitiatives(), removeExperimentalPolicy()].map(toAgendaItem), reconciled.pending);
  expect(caughtUp.pending).toEqual([]);
  expect(caughtUp.items.map((item) => item.number)).toEqual([1255, 52575]);
});
