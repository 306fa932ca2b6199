import { readFileSync } from "node:fs";
import { configReferenceMarkdown } from "../../src/config/config-reference.js";

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
