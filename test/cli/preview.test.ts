import { main } from "../../src/cli.js";
import type { Output } from "../../src/cli/output.js";

const cases = new URL("../fixtures/snapshots/cli-cases.yml", import.meta.url).pathname;
const example = new URL("../../examples/nodejs.yml", import.meta.url).pathname;

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: Output = { print: (text) => stdout.push(text), log: (text) => stderr.push(text) };
  const code = await main(argv, output);
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("agenda-drafter preview", () => {
  test("--json prints one object on stdout, and nothing else", async () => {
    const result = await run("preview", "--sandbox", example, "--repo", "nodejs/security-wg", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["meeting", "date", "start", "issue", "minutes", "agenda"]);
    expect(json).toMatchObject({
      meeting: "security-wg",
      date: "2024-03-28",
      start: "2024-03-28T16:00:00.000Z",
      issue: { title: "Node.js Security team Meeting 2024-03-28" },
      minutes: { path: "meetings/2024-03-28.md" },
    });
    expect(json.agenda[0]).toEqual({
      repo: "nodejs/security-wg",
      number: 1255,
      title: "Node.js Security Initiatives 2024",
      url: "https://github.com/nodejs/security-wg/issues/1255",
      kind: "issue",
    });
    for (const item of json.agenda) {
      const line = `[#${item.number}](${item.url})`;
      expect(json.issue.body.split("\n").filter((l: string) => l.includes(line))).toHaveLength(1);
      expect(json.minutes.body.split("\n").filter((l: string) => l.includes(line))).toHaveLength(1);
    }
  });

  test("a date picks that occurrence; kinds say issue or pull_request", async () => {
    const result = await run("preview", "--sandbox", cases, "--repo", "acme/meetings", "--meeting", "retro", "--date", "2024-05-10", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.start).toBe("2024-05-10T19:00:00.000Z");
    expect(json.agenda).toEqual([
      { repo: "acme/meetings", number: 4, title: "Retro item", url: "https://github.com/acme/meetings/pull/4", kind: "pull_request" },
    ]);
  });

  test("the text form prints the title, the issue body and the minutes", async () => {
    const result = await run("preview", "--sandbox", cases, "--repo", "acme/meetings", "--meeting", "planning");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Title: Planning Meeting 2024-05-06");
    expect(result.stdout).toContain("Minutes (meetings/planning/2024-05-06.md):");
    // A hostile title is escaped, never truncated.
    expect(result.stdout).toContain("Plan Q3 \\[draft\\] for @\u200Balice &lt;b>now&lt;/b> [#3](https://github.com/acme/meetings/issues/3)");
  });

  test.each([
    [["--repo", "acme/meetings"], /declares 2 meetings; choose one with --meeting: planning, retro/],
    [["--repo", "acme/meetings", "--meeting", "standup"], /declares no meeting "standup"; its meetings: planning, retro/],
    [["--repo", "acme/meetings", "--meeting", "planning", "--date", "2024-05-07"], /no occurrence on 2024-05-07/],
    [["--repo", "acme/meetings", "--meeting", "planning", "--date", "May 6"], /--date must be YYYY-MM-DD/],
    [["--repo", "acme/broken"], /agenda-drafter\.yml:\d+:\d+: meetings\.weekly\.schedule\.timezone/],
    [["--repo", "acme/plain"], /acme\/plain has no \.github\/agenda-drafter\.yml/],
    [["--repo", "acme"], /--repo must be OWNER\/NAME/],
    [["--repo", "acme/meetings", "--bogus"], /Unknown option '--bogus'/],
  ])("%j fails with one clear message and exit code 2", async (args, message) => {
    const result = await run("preview", "--sandbox", cases, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("without --sandbox it needs GITHUB_TOKEN", async () => {
    const token = process.env.GITHUB_TOKEN;
    delete process.env.GITHUB_TOKEN;
    try {
      const result = await run("preview", "--repo", "nodejs/security-wg");
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Set GITHUB_TOKEN/);
    } finally {
      if (token !== undefined) process.env.GITHUB_TOKEN = token;
    }
  });
});

describe("agenda-drafter", () => {
  test("an unknown command lists the commands and exits 2", async () => {
    const result = await run("frobnicate");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*preview/);
  });

  test("schema prints the config's JSON schema", async () => {
    const result = await run("schema");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("properties.meetings");
  });
});
