import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sandbox, startSandboxServer, type SandboxServer } from "@agenda-drafter/github-sandbox";
import { SNAPSHOT_FILE, snapshotWith } from "../e2e/live-issue-app.js";
import { buildCli, runCli, type ProcessResult } from "./cli-process.js";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "agenda-drafter-preview-process-"));
  buildCli();
}, 300_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function snapshotFile(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

test("preview --json of a 1,500-item agenda reaches a slow reader at the end of a pipe whole", async () => {
  const file = snapshotFile(
    "big.yml",
    snapshotWith((document) => {
      // 15 repositories of 100 items each: a search query, which names at most six repositories, stays under its 1,000 results.
      const names = Array.from({ length: 15 }, (_, index) => `topic-${index + 1}`);
      const files = document.orgs.nodejs.repos["security-wg"]!.files!;
      files[".github/agenda-drafter.yml"] = files[".github/agenda-drafter.yml"]!.replace(
        "agenda_labels: [security-wg-agenda]",
        `agenda_labels: [security-wg-agenda]\n    scope: { repos: [${names.map((name) => `nodejs/${name}`).join(", ")}] }`,
      );
      for (const name of names) {
        document.orgs.nodejs.repos[name] = {
          issues: Array.from({ length: 100 }, (_, index) => ({
            number: index + 1,
            title: `A topic of ${name}, number ${index + 1}`,
            labels: ["security-wg-agenda"],
            author: "RafaelGSS",
            created_at: "2024-03-01T12:00:00Z",
          })),
        };
      }
    }),
  );
  const result = await runCli(["preview", "--sandbox", file, "--repo", "nodejs/security-wg", "--json"], { slowReaderMs: 1000 });
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^Drafted security-wg 2024-03-28 .*; 1500 item\(s\)\.\n$/) });
  expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(65_536);
  const json = JSON.parse(result.stdout) as { agenda: unknown[] };
  expect(json.agenda).toHaveLength(1_500);
});

describe("preview against a GitHub that fails it: one message, exit code 2", () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer(Sandbox.fromSnapshot(readFileSync(SNAPSHOT_FILE, "utf8"), SNAPSHOT_FILE), { port: 0, host: "127.0.0.1" });
  });
  afterAll(() => server.close());

  const preview = ["preview", "--repo", "nodejs/security-wg", "--date", "2024-03-28"];

  test.each([
    ["GITHUB_API_URL", () => ({ GITHUB_API_URL: `${server.url}/api/v3` })],
    ["GHE_HOST and GHE_PROTOCOL", () => ({ GHE_HOST: new URL(server.url).host, GHE_PROTOCOL: "http" })],
  ])("GitHub Enterprise Server through %s works", async (_name, env) => {
    const result = await runCli(preview, { env: { GITHUB_TOKEN: "user:RafaelGSS", ...env() } });
    expect(result.stderr).toMatch(/^Drafted security-wg 2024-03-28 /);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Title: Node.js Security team Meeting 2024-03-28");
  });

  test("a bad token", async () => {
    const result = await runCli(preview, { env: { GITHUB_TOKEN: "ghp_not-a-token", GITHUB_API_URL: `${server.url}/api/v3` } });
    expectOneMessage(result, new RegExp(`^agenda-drafter preview: GitHub at ${escape(server.url)}/api/v3 refused GITHUB_TOKEN \\(401 Bad credentials`));
  });

  test("no network: nothing answers at the server's address", async () => {
    const api = `http://127.0.0.1:${await closedPort()}/api/v3`;
    const result = await runCli(preview, { env: { GITHUB_TOKEN: "user:RafaelGSS", GITHUB_API_URL: api } });
    expectOneMessage(result, new RegExp(`^agenda-drafter preview: Cannot reach GitHub at ${escape(api)}: .*ECONNREFUSED.*GITHUB_API_URL or GHE_HOST\\.$`));
  });

  test("a calendar feed that does not answer", async () => {
    const calendar = `http://127.0.0.1:${await closedPort()}/security-wg.ics`;
    const file = snapshotFile(
      "calendar.yml",
      snapshotWith((document) => {
        const files = document.orgs.nodejs.repos["security-wg"]!.files!;
        files[".github/agenda-drafter.yml"] = files[".github/agenda-drafter.yml"]!.replace(
          /schedule: \{[^}]*\}/,
          `schedule: { timezone: UTC, calendar: "${calendar}" }`,
        );
      }),
    );
    const result = await runCli(["preview", "--sandbox", file, "--repo", "nodejs/security-wg"]);
    expectOneMessage(result, new RegExp(`^agenda-drafter preview: Could not fetch the calendar ${escape(calendar)}: fetch failed \\(.*ECONNREFUSED.*\\); check schedule\\.calendar and the network\\.$`));
  });

  test("a snapshot that is not a valid one", async () => {
    const file = snapshotFile("invalid.yml", "now: 2024-03-26T09:00:00Z\norgs:\n  nodejs:\n    repos: [security-wg\n");
    const result = await runCli(["preview", "--sandbox", file, "--repo", "nodejs/security-wg"]);
    expectOneMessage(result, new RegExp(`^agenda-drafter preview: Cannot load the snapshot: ${escape(file)}: not valid YAML: .* at line 5, column 1\\.$`));
  });
});

function expectOneMessage(result: ProcessResult, message: RegExp): void {
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stdout).toBe("");
  expect(result.code).toBe(2);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A port nothing listens on: a free one, closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
