import { readFileSync } from "node:fs";
import { Sandbox, stageAppOctokit, startSandboxServer, type SandboxServer } from "@agenda-drafter/github-sandbox";
import { preview as previewCommand } from "../../src/cli/preview.js";
import type { Output } from "../../src/cli/output.js";

// `preview` with a person's GITHUB_TOKEN against the sandbox served over HTTP, for each kind of
// token GitHub hands out: all find the same agenda, each through queries its kind may send. The
// client throttles as in production, without the seconds between searches.

const snapshotFile = new URL("../fixtures/snapshots/search-tokens.yml", import.meta.url).pathname;
const EXPECTED_AGENDA = ["acme/api#10", "acme/api#11", "acme/design#3", "acme/docs#5", "acme/meetings#1", "tools/lint#42"];

let sandbox: Sandbox;
let server: SandboxServer;
let searches: string[];
const saved = { token: process.env.GITHUB_TOKEN, url: process.env.GITHUB_API_URL };

beforeAll(async () => {
  sandbox = Sandbox.fromSnapshot(readFileSync(snapshotFile, "utf8"), snapshotFile);
  server = await startSandboxServer(sandbox, { port: 0 });
  sandbox.onRequest((request) => {
    if (request.path.startsWith("/search/")) searches.push(`${request.status} ${new URL(request.path, "http://x").searchParams.get("q")}`);
  });
  process.env.GITHUB_API_URL = `${server.url}/api/v3`;
});

afterAll(async () => {
  await server.close();
  for (const [key, value] of [["GITHUB_TOKEN", saved.token], ["GITHUB_API_URL", saved.url]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(() => {
  searches = [];
});

async function preview(token: string) {
  process.env.GITHUB_TOKEN = token;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: Output = { print: (text) => stdout.push(text), log: (text) => stderr.push(text) };
  await previewCommand(["--repo", "acme/meetings", "--json"], output, stageAppOctokit());
  return { stderr: stderr.join("\n"), json: JSON.parse(stdout.join("\n")) };
}

function agendaOf(json: { agenda: { repo: string; number: number }[] }): string[] {
  return json.agenda.map((item) => `${item.repo}#${item.number}`).sort();
}

/** The queries the issue's search links carry. */
function linkedQueries(body: string): string[] {
  return [...body.matchAll(/\]\((https:\/\/github\.com\/search\?[^)\s]+)\)/g)].map((match) => new URL(match[1] as string).searchParams.get("q") ?? "");
}

test("a classic personal token searches issues and pull requests together, several repositories per query", async () => {
  const result = await preview("user:alice");
  expect(result).toMatchObject({ stderr: expect.stringMatching(/^Drafted sync /) });
  expect(agendaOf(result.json)).toEqual(EXPECTED_AGENDA);
  expect(searches).toEqual([
    "200 is:open is:public label:sync-agenda (repo:acme/meetings OR repo:acme/api OR repo:acme/web OR repo:acme/docs OR repo:acme/cli OR repo:acme/infra)",
    "200 is:open is:public label:sync-agenda (repo:acme/design OR repo:tools/lint)",
  ]);
  expect(linkedQueries(result.json.issue.body)).toEqual(searches.map((line) => line.slice(4)));
});

test.each(["ghu_alice", "github_pat_alice"])("%s (which GitHub refuses an untyped search) finds the same agenda by type", async (token) => {
  const result = await preview(token);
  expect(result).toMatchObject({ stderr: expect.stringMatching(/^Drafted sync /) });
  expect(agendaOf(result.json)).toEqual(EXPECTED_AGENDA);
  expect(searches.every((line) => line.startsWith("200 ") && /\bis:(issue|pull-request)\b/.test(line))).toBe(true);
  expect(searches).toHaveLength(4);
  expect(linkedQueries(result.json.issue.body)).toEqual(searches.map((line) => line.slice(4)));
});
