import { occurrenceOf } from "../errors.js";
import type { Meeting } from "../model.js";
import { describeError, errorDetails, type Log } from "../log.js";
import type { TickLock } from "./lock.js";
import { tickMeeting, type MeetingTickResult, type TickActions } from "./tick-meeting.js";

export const TICK_LOCK_KEY = "agenda-drafter:tick";
const DEFAULT_LOCK_TTL_MS = 5 * 60 * 1000;

/** The meetings of one installation, and the GitHub its tick talks to. */
export interface TickTarget {
  installationId: number;
  meetings: Meeting[];
  actions: TickActions;
}

export interface TickOptions {
  lock: TickLock;
  now: () => Date;
  /** Found afresh for each tick, so that it follows the registry. */
  targets: () => Promise<TickTarget[]>;
  log: Log;
  /** How long the lock is held without renewal; renewed after each meeting. */
  lockTtlMs?: number;
}

export interface MeetingTick extends MeetingTickResult {
  installationId: number;
  /** `owner/repo meeting-id`. */
  meeting: string;
  error?: string;
}

export type TickRun = { kind: "locked" } | { kind: "ran"; meetings: MeetingTick[] };

/**
 * One tick over every meeting the app knows, unless another replica's tick holds the lock. A
 * meeting whose tick fails is logged and the others go on.
 */
export async function runTick(options: TickOptions): Promise<TickRun> {
  const ttl = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const held = await options.lock.acquire(TICK_LOCK_KEY, ttl);
  if (!held) return { kind: "locked" };
  try {
    const meetings: MeetingTick[] = [];
    for (const target of await options.targets()) {
      for (const meeting of target.meetings) {
        const name = `${meeting.home.owner}/${meeting.home.repo} ${meeting.id}`;
        try {
          const result = await tickMeeting(meeting, options.now(), target.actions);
          meetings.push({ installationId: target.installationId, meeting: name, ...result });
          if (result.done.length > 0) options.log.info(`tick ${name}: ${result.done.join(", ")}`);
        } catch (error) {
          const message = describeError(error);
          const occurrence = occurrenceOf(error);
          options.log.error(`installation ${target.installationId}: the tick of ${name}${occurrence === undefined ? "" : ` ${occurrence}`} failed: ${describeError(error)}`);
          options.log.debug?.(`tick ${name}: ${errorDetails(error)}`);
          meetings.push({ installationId: target.installationId, meeting: name, done: [], skipped: [], error: message });
        }
        await held.renew(ttl);
      }
    }
    return { kind: "ran", meetings };
  } finally {
    await held.release();
  }
}

