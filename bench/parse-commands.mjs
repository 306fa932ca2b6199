// Times the comment-command parser on hostile comments as long as GitHub allows, and prints the
// figures: a comment must parse in under 250 ms. Exits non-zero when one does not.
// Run from the repository root after a build: npm run build && node bench/parse-commands.mjs
import { performance } from "node:perf_hooks";
import { parseCommands } from "../dist/commands/parse-commands.js";
import { hostileComments } from "./hostile-comments.mjs";

const LIMIT_MS = 250;
const RUNS = 10;

let slowest = 0;
for (const [name, body] of hostileComments) {
  parseCommands(body);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    parseCommands(body);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const [median, max] = [times[Math.floor(RUNS / 2)], times[RUNS - 1]];
  slowest = Math.max(slowest, max);
  console.log(`${name}: ${body.length} characters, median ${median.toFixed(1)} ms, slowest ${max.toFixed(1)} ms`);
}
console.log(`Slowest parse: ${slowest.toFixed(1)} ms (limit ${LIMIT_MS} ms).`);
if (slowest >= LIMIT_MS) process.exitCode = 1;
