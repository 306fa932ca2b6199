// The command line on GitHub Enterprise Server: `agenda-drafter run` with the app's credentials
// and `preview` with a token, both pointed at the sandbox (which serves GHES's layout: REST at
// /api/v3, GraphQL at /api/graphql) by GHE_HOST alone.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { Sandbox, startSandboxServer, type SandboxServer } from "@agenda-drafter/github-sandbox";
import { main } from "../../src/cli.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { HOME, SNAPSHOT_FILE } from "./live-issue-app.js";

const APP_ID = 834021;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

let sandbox: Sandbox;
let github: SandboxServer;
const saved = { ...process.env };

beforeEach(async () => {
  sandbox = Sandbox.fromSnapshot(readFileSync(SNAPSHOT_FILE, "utf8"), SNAPSHOT_FILE);
  github = await startSandboxServer(sandbox, { port: 0, app: { id: APP_ID, privateKey } });
  Object.assign(process.env, { GHE_HOST: new URL(github.url).host, GHE_PROTOCOL: "http", AGENDA_DRAFTER_CLOCK_URL: `${github.url}/_sandbox/clock` });
  delete process.env.GITHUB_API_URL;
});
afterEach(async () => {
  await github.close();
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

function capture() {
  const printed: string[] = [];
  const logged: string[] = [];
  return { printed, logged, output: { print: (text: string) => void printed.push(text), log: (text: string) => void logged.push(text) } };
}

test("agenda-drafter run, with GHE_HOST, ticks the meetings of the Enterprise Server's repository", async () => {
  Object.assign(process.env, { APP_ID: String(APP_ID), PRIVATE_KEY: privateKey, AGENDA_DRAFTER_STATE_KEY: "cli-enterprise-state-key-0123456789abcdef" });
  const { printed, logged, output } = capture();

  await expect(main(["run", "--repo", HOME], output)).resolves.toBe(0);

  expect(logged).toEqual([`tick ${HOME} security-wg: create-issue 2024-03-28`]);
  expect(printed).toEqual([`${HOME} security-wg: create-issue 2024-03-28`]);
  const repo = [...sandbox.state.repos.values()].find((record) => `${record.owner}/${record.name}`.toLowerCase() === HOME);
  const created = [...(repo?.issues.values() ?? [])].filter((issue) => parseBody(issue.body).marker !== undefined);
  expect(created.map((issue) => issue.title)).toEqual(["Node.js Security team Meeting 2024-03-28"]);
});

test("agenda-drafter preview, with GHE_HOST and a token, drafts from the Enterprise Server", async () => {
  process.env.GITHUB_TOKEN = "user:RafaelGSS";
  const { printed, output } = capture();

  await expect(main(["preview", "--repo", HOME, "--date", "2024-03-28", "--json"], output)).resolves.toBe(0);

  const draft = JSON.parse(printed.join("")) as { meeting: string; issue: { title: string }; agenda: { repo: string; number: number }[] };
  expect(draft.meeting).toBe("security-wg");
  expect(draft.issue.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(draft.agenda.map((item) => `${item.repo}#${item.number}`)).toContain("nodejs/security-wg#1255");
});
