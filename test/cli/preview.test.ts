import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { snapshotWith } from "../e2e/live-issue-app.js";
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

  test("the issue body is exactly what the app would create: marker, agenda and state, cut to GitHub's limit", async () => {
    const snapshot = snapshotWith((document) => {
      const issues = document.orgs.nodejs.repos["node"]?.issues ?? [];
      // 400 items with long titles (GitHub allows 256 characters): far more than one issue body holds.
      for (let number = 30_000; number < 30_400; number++) {
        issues.push({ number, title: `Item ${number}: ${"a topic the working group should discuss at length ".repeat(5)}`.slice(0, 250), labels: ["security-wg-agenda"], author: "RafaelGSS", created_at: "2024-03-01T12:00:00Z" });
      }
    });
    const folder = mkdtempSync(join(tmpdir(), "agenda-drafter-preview-"));
    try {
      const file = join(folder, "snapshot.yml");
      writeFileSync(file, snapshot);
      const result = await run("preview", "--sandbox", file, "--repo", "nodejs/security-wg", "--json");
      expect(result.code).toBe(0);
      const body: string = JSON.parse(result.stdout).issue.body;
      expect(body.length).toBeLessThanOrEqual(65_536);
      const parsed = parseBody(body);
      expect(parsed.marker).toEqual({ v: 1, meeting: "security-wg", occurrence: "2024-03-28" });
      // A new issue carries no state block: its signed state comes with the app's first update.
      const shown = [...(parsed.agenda ?? "").matchAll(/^\* .* \[#\d+\]\(/gm)];
      // The fixture's two labelled items and the 400.
      expect(shown.length).toBeLessThan(402);
      expect(parsed.agenda).toContain(`*Not shown here, to stay within GitHub's 65,536 characters: ${402 - shown.length} more labelled items, the oldest of the longest lists.`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test.each([
    [["nodejs/nodejs-dependency-vuln-assessments", "nodejs/nope"], 0],
    [["nodejs/nope"], 2],
  ])("scope.repos %j: a repository that cannot be searched is named where it is written; exit code %d", async (repos, code) => {
    const snapshot = snapshotWith((document) => {
      const files = document.orgs.nodejs.repos["security-wg"]!.files!;
      files[".github/agenda-drafter.yml"] = files[".github/agenda-drafter.yml"]!.replace(
        "agenda_labels: [security-wg-agenda]",
        `agenda_labels: [security-wg-agenda]\n    scope: { repos: [${repos.join(", ")}] }`,
      );
    });
    const folder = mkdtempSync(join(tmpdir(), "agenda-drafter-preview-scope-"));
    try {
      const file = join(folder, "snapshot.yml");
      writeFileSync(file, snapshot);
      const result = await run("preview", "--sandbox", file, "--repo", "nodejs/security-wg", "--json");
      expect(result.code).toBe(code);
      const column = 22 + repos.slice(0, -1).reduce((width, repo) => width + repo.length + 2, 0);
      expect(result.stderr.split("\n")[0]).toBe(
        `${code === 2 ? "agenda-drafter preview: " : ""}.github/agenda-drafter.yml:5:${column}: meetings.security-wg.scope.repos[${repos.length - 1}]: \`nodejs/nope\` does not exist or the token cannot read it; its items are left out, the rest of the scope is searched`,
      );
      if (code === 0) expect(JSON.parse(result.stdout).agenda.map((item: { number: number }) => item.number)).toEqual([178]);
      else expect(result.stdout).toBe("");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test.each(["", "# meetings come later\n", "meetings: {}\n"])("a config file %j that declares no meeting says so, and how to add one", async (config) => {
    const folder = mkdtempSync(join(tmpdir(), "agenda-drafter-preview-empty-"));
    try {
      const file = join(folder, "snapshot.yml");
      writeFileSync(file, snapshotWith((document) => void (document.orgs.nodejs.repos["security-wg"]!.files![".github/agenda-drafter.yml"] = config)));
      const result = await run("preview", "--sandbox", file, "--repo", "nodejs/security-wg");
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 2,
        stderr: "agenda-drafter preview: nodejs/security-wg's .github/agenda-drafter.yml declares no meeting: add one under `meetings:`.",
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
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
