import { readFileSync } from "node:fs";
import { configReferenceMarkdown } from "../../src/config/config-reference.js";
import { CONFIG_PATH } from "../../src/config/load-config.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { formatProblem } from "../../src/config/problem.js";
import { resolveMeetings } from "../../src/config/resolve-meetings.js";
import { exceptionProblems } from "../../src/operations/steps/exception-problems.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function block(name: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const end = `\n<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${name} markers`);
  return readme.slice(from + start.length, to);
}

test("the README's table of config keys is the one generated from the schema", () => {
  // To update: paste the output of configReferenceMarkdown() between the config-reference markers.
  expect(block("config-reference")).toBe(configReferenceMarkdown());
});

test("the README's quick start has the two commands a newcomer types", () => {
  expect(readme).toContain("npm ci && npm run demo");
  expect(readme).toContain("npm test");
});

describe("the README's example config", () => {
  const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";

  function exampleProblems(text: string) {
    const parsed = parseConfig(text, CONFIG_PATH);
    if (!parsed.raw) throw new Error(parsed.problems.map(formatProblem).join("\n"));
    const resolved = resolveMeetings(parsed.raw, { home: { owner: "nodejs", repo: "security-wg" }, file: CONFIG_PATH, locate: parsed.locate });
    const loaded = { ...resolved, files: [], own: { raw: parsed.raw, locate: parsed.locate } };
    expect(loaded.meetings.map((meeting) => meeting.id)).toEqual(["security-wg"]);
    return exceptionProblems(loaded).map(formatProblem);
  }

  test("its exception date is an occurrence of its own schedule: no warning", () => {
    expect(example).toContain("exceptions:");
    expect(exampleProblems(example)).toEqual([]);
  });

  test("an exception date that is no occurrence is a warning at its line", () => {
    const dates = /exceptions: \["([\d-]+)"\]/.exec(example);
    expect(dates).not.toBeNull();
    const line = example.slice(0, dates!.index).split("\n").length;
    expect(exampleProblems(example.replace(dates![1]!, "2024-12-26"))).toEqual([
      `${CONFIG_PATH}:${line}:20: warning: meetings.security-wg.schedule.exceptions[0]: \`2024-12-26\` is not an occurrence of the schedule, so it cancels nothing; write the date of an occurrence`,
    ]);
  });
});
