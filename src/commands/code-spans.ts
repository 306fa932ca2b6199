import type { StepMeter } from "./command-line.js";

/**
 * Code spans of one line: for each backtick run that opens a span, the index just past the run
 * that closes it (the next run of the same length). One pass over the runs, grouped by length.
 */
export function codeSpanClosers(body: string, from: number, end: number, meter: StepMeter): Map<number, number> {
  const runsByLength = new Map<number, number[]>();
  const runs: { start: number; length: number }[] = [];
  let at = from;
  while (at < end) {
    meter.steps++;
    if (body[at] !== "`") {
      at++;
      continue;
    }
    const start = at;
    while (at < end && body[at] === "`") {
      meter.steps++;
      at++;
    }
    const length = at - start;
    runs.push({ start, length });
    const sameLength = runsByLength.get(length) ?? [];
    sameLength.push(start);
    runsByLength.set(length, sameLength);
  }
  const closers = new Map<number, number>();
  const nextOfLength = new Map<number, number>();
  let skipUntil = from;
  for (const run of runs) {
    meter.steps++;
    const sameLength = runsByLength.get(run.length) ?? [];
    let next = nextOfLength.get(run.length) ?? 0;
    while (next < sameLength.length && (sameLength[next] as number) <= run.start) next++;
    nextOfLength.set(run.length, next);
    if (run.start < skipUntil) continue;
    const closing = sameLength[next];
    if (closing === undefined) continue;
    skipUntil = closing + run.length;
    closers.set(run.start, skipUntil);
  }
  return closers;
}
