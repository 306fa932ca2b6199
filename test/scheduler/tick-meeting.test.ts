import type { Meeting, Occurrence } from "../../src/model.js";
import type { OccurrenceRecord } from "../../src/scheduler/decide-steps.js";
import { createProcessLock } from "../../src/scheduler/lock.js";
import { runTick, TICK_LOCK_KEY } from "../../src/scheduler/run-tick.js";
import type { OccurrenceIssue } from "../../src/model.js";
import type { TickActions } from "../../src/scheduler/tick-meeting.js";
import { securityWgMeeting } from "../fixtures/security-wg-meeting.js";

/** GitHub as the tick sees it, in memory: what the actions did is what the next tick reads. */
function fakeActions(records: Record<string, OccurrenceRecord> = {}, options: { createFails?: boolean } = {}) {
  const calls: string[] = [];
  const refreshed: string[] = [];
  let nextIssue = 1250;
  const record = (key: string) => (records[key] ??= {});
  const actions: TickActions = {
    records: async (_meeting: Meeting, occurrences: Occurrence[]) =>
      new Map(occurrences.filter((o) => records[o.key]).map((o) => [o.key, structuredClone(records[o.key]!)])),
    createIssue: async (_meeting, occurrence) => {
      if (options.createFails) return undefined;
      const number = nextIssue++;
      record(occurrence.key).issue = { number, state: "open", frozen: false };
      calls.push(`create #${number} for ${occurrence.key}`);
      return number;
    },
    freezeAgenda: async (_meeting, issue: OccurrenceIssue) => {
      record(issue.occurrence.key).issue!.frozen = true;
      calls.push(`freeze #${issue.issueNumber}`);
    },
    openMinutes: async (_meeting, issue) => {
      record(issue.occurrence.key).minutes = { state: "open", frozenAgenda: record(issue.occurrence.key).issue!.frozen };
      calls.push(`minutes for #${issue.issueNumber}`);
    },
    closeIssue: async (_meeting, closing, successor) => {
      record(closing.occurrence.key).issue!.state = "closed";
      calls.push(`close #${closing.issueNumber} linking #${successor.issueNumber}`);
    },
    cancelIssue: async (_meeting, issue) => {
      record(issue.occurrence.key).issue!.state = "closed";
      calls.push(`cancel #${issue.issueNumber}`);
    },
    refreshIssue: async (_meeting, issue) => void refreshed.push(`#${issue.issueNumber} for ${issue.occurrence.key}`),
  };
  return { actions, calls, refreshed };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

function tick(now: string, actions: TickActions, meeting = securityWgMeeting(), lock = createProcessLock()) {
  return runTick({
    lock,
    now: () => new Date(now),
    targets: async () => [{ installationId: 7, meetings: [meeting], actions }],
    log,
  });
}

describe("runTick", () => {
  test("a meeting whose first occurrence is beyond its lead time reads nothing from GitHub: nothing can be due", async () => {
    const { actions } = fakeActions();
    let reads = 0;
    const counted: TickActions = { ...actions, records: async (...args) => (reads++, actions.records(...args)) };
    await tick("2024-03-20T12:00:00Z", counted);
    expect(reads).toBe(0);
    await tick("2024-03-25T17:00:00Z", counted);
    expect(reads).toBe(1);
  });

  test("an occurrence's life over successive ticks: created, frozen, minutes, closed by the next", async () => {
    const { actions, calls } = fakeActions();
    const times = [
      "2024-03-24T12:00:00Z",
      "2024-03-25T16:05:00Z",
      "2024-03-25T16:10:00Z",
      "2024-03-28T16:02:00Z",
      "2024-03-28T17:05:00Z",
      "2024-03-28T17:10:00Z",
      "2024-04-08T16:00:00Z",
    ];
    for (const now of times) await tick(now, actions);
    expect(calls).toEqual([
      "create #1250 for 2024-03-28",
      "freeze #1250",
      "minutes for #1250",
      "create #1251 for 2024-04-11",
      "close #1250 linking #1251",
    ]);
  });

  test("brings a live issue up to date on every tick, so that a refresh that failed or a webhook that was lost is repaired", async () => {
    const { actions, refreshed } = fakeActions({ "2024-03-28": { issue: { number: 1234, state: "open", frozen: false } } });
    await tick("2024-03-26T09:00:00Z", actions);
    await tick("2024-03-26T09:05:00Z", actions);
    // From the start the agenda is frozen: nothing to bring up to date.
    await tick("2024-03-28T16:02:00Z", actions);
    expect(refreshed).toEqual(["#1234 for 2024-03-28", "#1234 for 2024-03-28"]);
  });

  test("reports what it did per meeting", async () => {
    const { actions } = fakeActions({ "2024-03-28": { issue: { number: 1234, state: "open", frozen: false } } });
    expect(await tick("2024-03-29T08:00:00Z", actions)).toEqual({
      kind: "ran",
      meetings: [
        {
          installationId: 7,
          meeting: "nodejs/security-wg security-wg",
          done: ["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"],
          skipped: [],
        },
      ],
    });
  });

  test("steps that need an issue that was not created are skipped, not run", async () => {
    const { actions, calls } = fakeActions({}, { createFails: true });
    const run = await tick("2024-03-28T16:30:00Z", actions);
    expect(calls).toEqual([]);
    expect(run).toMatchObject({ kind: "ran", meetings: [{ done: [], skipped: ["create-issue 2024-03-28", "freeze-agenda 2024-03-28"] }] });
  });

  test("does nothing while another tick holds the lock, and releases its own", async () => {
    const lock = createProcessLock();
    const { actions, calls } = fakeActions();
    const other = await lock.acquire(TICK_LOCK_KEY, 60_000);
    expect(await tick("2024-03-25T16:05:00Z", actions, securityWgMeeting(), lock)).toEqual({ kind: "locked" });
    await other!.release();
    await tick("2024-03-25T16:05:00Z", actions, securityWgMeeting(), lock);
    expect(calls).toEqual(["create #1250 for 2024-03-28"]);
    expect(await lock.acquire(TICK_LOCK_KEY, 60_000)).toBeDefined();
  });

  test("a failing meeting is reported and the others still tick", async () => {
    const { actions, calls } = fakeActions();
    const failing: TickActions = { ...actions, records: async () => Promise.reject(new Error("Bad credentials")) };
    const tsc = securityWgMeeting({ id: "tsc", home: { owner: "nodejs", repo: "TSC" } });
    const run = await runTick({
      lock: createProcessLock(),
      now: () => new Date("2024-03-25T16:05:00Z"),
      targets: async () => [
        { installationId: 7, meetings: [tsc], actions: failing },
        { installationId: 7, meetings: [securityWgMeeting()], actions },
      ],
      log,
    });
    expect(run).toMatchObject({ kind: "ran", meetings: [{ meeting: "nodejs/TSC tsc", error: "Bad credentials" }, { done: ["create-issue 2024-03-28"] }] });
    expect(calls).toEqual(["create #1250 for 2024-03-28"]);
  });

  test("with issue.pin, the tick pins the latest occurrence's open issue, not one it just created (its refresh pinned it), and only with it", async () => {
    const { actions } = fakeActions({ "2024-03-14": { issue: { number: 1230, state: "open", frozen: true }, minutes: { state: "open", frozenAgenda: true } } });
    const pins: string[] = [];
    const pinning: TickActions = { ...actions, pinIssue: async (_meeting, current) => (pins.push(`#${current.issueNumber} for ${current.occurrence.key}`), true) };
    const pinned: Meeting = { ...securityWgMeeting(), issue: { ...securityWgMeeting().issue, pin: true } };
    const run = await tick("2024-03-25T17:00:00Z", pinning, pinned);
    expect(run).toMatchObject({ kind: "ran", meetings: [{ done: ["create-issue 2024-03-28"] }] });
    expect(pins).toEqual([]);
    expect(await tick("2024-03-25T18:00:00Z", pinning, pinned)).toMatchObject({ kind: "ran", meetings: [{ done: ["pin-issue 2024-03-28"] }] });
    expect(pins).toEqual(["#1250 for 2024-03-28"]);
    await tick("2024-03-25T19:00:00Z", pinning);
    expect(pins).toHaveLength(1);
  });
});
