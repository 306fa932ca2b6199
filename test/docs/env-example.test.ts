import { readFileSync } from "node:fs";

// .env.example is where a new user starts: it names every variable the README's table describes,
// and no other.

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");

function readmeVariables(): string[] {
  const start = readme.indexOf("### Environment variables\n");
  expect(start).toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf("\n#", start + 1));
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...(row.split(" | ")[0] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string));
}

function exampleVariables(): string[] {
  return [...example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] as string);
}

test(".env.example names exactly the variables of the README's environment table", () => {
  const documented = readmeVariables();
  expect(documented).toEqual(expect.arrayContaining(["APP_ID", "AGENDA_DRAFTER_REDIS_URL", "GHE_HOST", "LOG_FORMAT"]));
  expect([...exampleVariables()].sort()).toEqual([...new Set(documented)].sort());
});

test(".env.example sets no secret: every value a person fills in is empty", () => {
  for (const name of ["PRIVATE_KEY", "WEBHOOK_SECRET", "AGENDA_DRAFTER_CRON_SECRET", "AGENDA_DRAFTER_STATE_KEY"]) {
    expect(example).toMatch(new RegExp(`^(# )?${name}=$`, "m"));
  }
});
