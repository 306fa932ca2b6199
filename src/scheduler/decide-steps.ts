import type { Meeting, Occurrence } from "../model.js";

/** What exists on GitHub for one occurrence, as the tick reads it. */
export interface OccurrenceRecord {
  issue?: {
    number: number;
    state: "open" | "closed";
    /** The agenda has been frozen into the issue's state. */
    frozen: boolean;
  };
  /** The occurrence as its issue's state changed it (rescheduled, cancelled by command); absent when unchanged. */
  occurrence?: Occurrence;
  minutes?: {
    state: "open" | "closed";
    /** The minutes file was written from the frozen agenda (not the live one, as `with_issue` first writes it). */
    frozenAgenda: boolean;
  };
}

export type TickStep =
  | { kind: "create-issue"; occurrence: Occurrence }
  | { kind: "freeze-agenda"; occurrence: Occurrence }
  | { kind: "open-minutes"; occurrence: Occurrence }
  /** Close an earlier occurrence's issue, linking its successor's. */
  | { kind: "close-issue"; occurrence: Occurrence; successor: Occurrence }
  | { kind: "cancel-issue"; occurrence: Occurrence };

export interface TickSituation {
  meeting: Meeting;
  now: Date;
  /**
   * The occurrences to consider, by start: the last one that took place before now (if any) and
   * every later one that starts within the lead time, cancelled ones included (see tickWindow).
   */
  occurrences: Occurrence[];
  /** By occurrence key; an occurrence without a record has neither issue nor minutes. */
  records: ReadonlyMap<string, OccurrenceRecord>;
}

/**
 * What a tick should do now, in order. Every step is stated from what exists, so a tick that runs
 * late, twice, or on several replicas decides the same steps, and a step already done is not
 * decided again.
 */
export function decideSteps(situation: TickSituation): TickStep[] {
  const { meeting, occurrences, records } = situation;
  const now = situation.now.getTime();
  const steps: TickStep[] = [];
  const hasIssue = new Set<string>();
  let previous: Occurrence | undefined;

  for (const occurrence of occurrences) {
    const record = records.get(occurrence.key) ?? {};
    const start = Date.parse(occurrence.start);
    const end = Date.parse(occurrence.end);

    if (occurrence.cancelled) {
      if (record.issue?.state === "open") steps.push({ kind: "cancel-issue", occurrence });
      continue;
    }

    // Not before the previous meeting is over: its issue is the one people are looking at, and
    // the next issue's creation closes it.
    const previousOver = previous === undefined || now >= Date.parse(previous.end);
    if (record.issue) {
      hasIssue.add(occurrence.key);
    } else if (now >= start - meeting.leadTimeMs && now < end && previousOver) {
      steps.push({ kind: "create-issue", occurrence });
      hasIssue.add(occurrence.key);
    }

    if (hasIssue.has(occurrence.key)) {
      const frozen = record.issue?.frozen === true || now >= start;
      if (now >= start && !record.issue?.frozen) steps.push({ kind: "freeze-agenda", occurrence });
      if (minutesDue(meeting, occurrence, now) && minutesNeedWriting(record, frozen)) {
        steps.push({ kind: "open-minutes", occurrence });
      }
      if (meeting.issue.closePrevious && previous && previousOver) {
        const previousIssue = records.get(previous.key)?.issue;
        if (previousIssue?.state === "open") steps.push({ kind: "close-issue", occurrence: previous, successor: occurrence });
      }
    }
    previous = occurrence;
  }
  return steps;
}

function minutesDue(meeting: Meeting, occurrence: Occurrence, now: number): boolean {
  switch (meeting.minutes.open) {
    case "after_meeting":
      return now >= Date.parse(occurrence.end);
    case "with_issue":
      return true;
    case "on_command":
      return false;
  }
}

/** None yet, or open with a live agenda that the frozen one should now replace. A closed pull request is final. */
function minutesNeedWriting(record: OccurrenceRecord, frozen: boolean): boolean {
  if (!record.minutes) return true;
  return record.minutes.state === "open" && !record.minutes.frozenAgenda && frozen;
}
