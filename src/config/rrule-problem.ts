import rrulePackage from "rrule";

const { RRule } = rrulePackage;

const MEETING_FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"];

/**
 * What is wrong with an RFC 5545 recurrence rule as written in the config (`FREQ=WEEKLY;...`,
 * optionally prefixed `RRULE:`), or undefined when it is usable.
 */
export function rruleProblem(text: string): string | undefined {
  const body = text.trim().replace(/^RRULE:/i, "");
  if (/DTSTART/i.test(body)) return "must not contain DTSTART; `start` gives the first occurrence";
  if (/TZID/i.test(body)) return "must not contain TZID; `timezone` gives it";
  if (body.includes("\n")) return "must be a single RRULE line, e.g. `FREQ=WEEKLY;INTERVAL=2`";
  const frequency = /(?:^|;)FREQ=([^;]*)/i.exec(body)?.[1]?.toUpperCase();
  if (frequency === undefined || !MEETING_FREQUENCIES.includes(frequency)) {
    return `needs FREQ=${MEETING_FREQUENCIES.join("|")}, e.g. \`FREQ=WEEKLY;INTERVAL=2\``;
  }
  // The rrule package's parser skips or keeps as text values it does not understand, so each
  // part is parsed alone and its values checked.
  for (const part of body.split(";").filter(Boolean)) {
    let options: ReturnType<typeof RRule.parseString>;
    try {
      options = RRule.parseString(part);
    } catch (error) {
      return `is not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`;
    }
    const values = Object.values(options).flat();
    if (values.length === 0 || !values.every(isReadable)) return `is not a valid RRULE: cannot read \`${part}\``;
    if ((options.interval ?? 1) < 1 || (options.count ?? 1) < 1) return `is not a valid RRULE: \`${part}\` must be 1 or more`;
  }
  return undefined;
}

/** Numbers, dates and weekdays are what the parser makes of values it understands. */
function isReadable(value: unknown): boolean {
  return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "object" && value !== null);
}
