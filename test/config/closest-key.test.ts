import { closestKey } from "../../src/config/closest-key.js";

const MEETING_KEYS = ["name", "agenda_labels", "scope", "schedule", "lead_time", "invited", "observers", "standing_items", "timezones"];

test.each([
  ["agenda_label", "agenda_labels"],
  ["nmae", "name"],
  ["Schedule", "schedule"],
  ["leadtime", "lead_time"],
  ["timezone", "timezones"],
  ["standing-items", "standing_items"],
])("%s is taken for %s", (typo, meant) => {
  expect(closestKey(typo, MEETING_KEYS)).toBe(meant);
});

test("a key unlike any other suggests nothing", () => {
  expect(closestKey("zoom_link", MEETING_KEYS)).toBeUndefined();
});
