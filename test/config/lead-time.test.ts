import { parseLeadTime } from "../../src/config/lead-time.js";

const HOUR = 3_600_000;

test.each([
  ["3d", 72 * HOUR],
  ["36h", 36 * HOUR],
  ["90m", 1.5 * HOUR],
  ["1d12h", 36 * HOUR],
  ["1w", 168 * HOUR],
  ["P3D", 72 * HOUR],
  ["PT36H", 36 * HOUR],
  ["P1DT12H", 36 * HOUR],
])("%s is %d ms", (text, ms) => {
  expect(parseLeadTime(text)).toBe(ms);
});

test.each(["", "3", "3 days", "12h1d", "soon", "P3X", "-3d"])("%j is not a duration", (text) => {
  expect(parseLeadTime(text)).toBeUndefined();
});
