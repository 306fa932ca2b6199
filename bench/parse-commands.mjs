// Times the comment-command parser on hostile comments and prints the figures.
// Run from the repository root after a build: npm run build && node bench/parse-commands.mjs
import { performance } from "node:perf_hooks";
import { parseCommands } from "../dist/commands/parse-commands.js";

const GITHUB_COMMENT_LIMIT = 65_536;

const inputs = {
  "one 65,536-character command line": `/agenda add ${"nodejs/node#52575 ".repeat(4_000)}`.slice(0, GITHUB_COMMENT_LIMIT),
  "65,536 characters of backtick runs and comment openers": Array.from({ length: 6_000 }, (_, i) => "`".repeat((i % 40) + 1))
    .join("<!-- x")
    .slice(0, GITHUB_COMMENT_LIMIT),
  "10,000 lines of nested fences, quotes and comments": Array.from({ length: 1_250 }, () =>
    ["````", "```", "/minutes", "````", "> /help", "<!--", "-->", "/present"].join("\n"),
  ).join("\n"),
  "10,000 unclosed fences": "```\n".repeat(10_000),
  "10,000 command lines": "/agenda refresh\n".repeat(10_000),
};

for (const [name, body] of Object.entries(inputs)) {
  const meter = { steps: 0 };
  parseCommands(body, meter);
  const runs = 20;
  const started = performance.now();
  for (let run = 0; run < runs; run++) parseCommands(body);
  const ms = (performance.now() - started) / runs;
  console.log(`${name}: ${body.length} characters, ${meter.steps} steps, ${ms.toFixed(2)} ms`);
}
