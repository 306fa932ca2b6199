import { Duration } from "luxon";

const UNIT_MS = { w: 7 * 24 * 3_600_000, d: 24 * 3_600_000, h: 3_600_000, m: 60_000 } as const;
const SHORT_DURATION = /^(?:(\d+)w)?\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/;

/**
 * Parses a duration written `3d`, `36h`, `90m`, `1d12h` (units w, d, h, m in that order) or as an
 * ISO 8601 duration (`P3D`, `PT36H`) to milliseconds; undefined when the text is neither.
 */
export function parseLeadTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^P/i.test(trimmed)) {
    const duration = Duration.fromISO(trimmed.toUpperCase());
    return duration.isValid ? duration.toMillis() : undefined;
  }
  const match = SHORT_DURATION.exec(trimmed);
  if (!match || trimmed === "") return undefined;
  const [, weeks, days, hours, minutes] = match;
  return (
    Number(weeks ?? 0) * UNIT_MS.w +
    Number(days ?? 0) * UNIT_MS.d +
    Number(hours ?? 0) * UNIT_MS.h +
    Number(minutes ?? 0) * UNIT_MS.m
  );
}
