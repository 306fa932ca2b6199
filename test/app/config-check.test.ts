import nock from "nock";
import { pullRequestEvent, pushEvent } from "../fixtures/webhooks/node-webhooks.js";
import { API, base64, cleanUp, mockDiscovery, SECURITY_WG_CONFIG, startApp } from "./harness.js";

beforeAll(() => nock.disableNetConnect());
afterEach(cleanUp);

const SHA = "3f5c9e7b21a4d8e0c6f1b2a3d4e5f60718293a4b";

function mockConfigAt(sha: string, text: string, files: Record<string, string> = {}) {
  const scope = nock(API)
    .get("/repos/nodejs/security-wg/contents/.github%2Fagenda-drafter.yml")
    .query({ ref: sha })
    .reply(200, { type: "file", encoding: "base64", content: base64(text) });
  for (const [path, source] of Object.entries(files)) {
    scope.get(`/repos/nodejs/security-wg/contents/${encodeURIComponent(path)}`).query({ ref: sha }).reply(200, { type: "file", content: base64(source) });
  }
  return scope;
}

function captureCheckRun() {
  const sent: Record<string, any>[] = [];
  const scope = nock(API)
    .post("/repos/nodejs/security-wg/check-runs", (body) => {
      sent.push(body);
      return true;
    })
    .reply(201, { id: 1 });
  return { scope, sent };
}

test("a pull request with a misspelt key gets a failing check naming the key and its line", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const bad = SECURITY_WG_CONFIG.replace("agenda_labels:", "agenda_label:");
  const files = nock(API)
    .get("/repos/nodejs/security-wg/pulls/1290/files")
    .query(true)
    .reply(200, [{ filename: ".github/agenda-drafter.yml", status: "modified" }]);
  const config = mockConfigAt(SHA, bad);
  const check = captureCheckRun();

  await probot.receive(pullRequestEvent("opened", { repo: "nodejs/security-wg", number: 1290, title: "Rename the agenda label", labels: [], headSha: SHA }) as never);
  await drafter.idle();

  expect([...files.pendingMocks(), ...config.pendingMocks(), ...check.scope.pendingMocks()]).toEqual([]);
  const { completed_at, ...run } = check.sent[0] ?? {};
  expect(completed_at).toEqual(expect.any(String));
  expect(run).toMatchInlineSnapshot(`
{
  "conclusion": "failure",
  "head_sha": "3f5c9e7b21a4d8e0c6f1b2a3d4e5f60718293a4b",
  "name": "agenda-drafter config",
  "output": {
    "annotations": [
      {
        "annotation_level": "failure",
        "end_line": 4,
        "message": "unknown key; did you mean \`agenda_labels\`?",
        "path": ".github/agenda-drafter.yml",
        "start_line": 4,
        "title": "meetings.security-wg.agenda_label",
      },
    ],
    "summary": "Problems:

- .github/agenda-drafter.yml:4:5: meetings.security-wg.agenda_label: unknown key; did you mean \`agenda_labels\`?

No meeting is usable.",
    "title": "1 problem in the meeting config",
  },
  "status": "completed",
}
`);
});

test("a push that changes the config gets a passing check with the meetings it declares", async () => {
  const { probot, drafter } = await startApp("2024-03-20T09:00:00Z");
  mockDiscovery();
  const config = mockConfigAt(SHA, SECURITY_WG_CONFIG);
  const check = captureCheckRun();
  // On the default branch the meetings are reloaded and refreshed; their lead time has not come.
  const reload = nock(API)
    .get("/repos/nodejs/security-wg/contents/.github%2Fagenda-drafter.yml")
    .reply(200, { type: "file", content: base64(SECURITY_WG_CONFIG) })
    .get("/repos/nodejs/security-wg/issues")
    .query(true)
    .reply(200, []);

  await probot.receive(pushEvent("nodejs/security-wg", { ref: "refs/heads/main", after: SHA, modified: [".github/agenda-drafter.yml"] }) as never);
  await drafter.idle();

  expect([...config.pendingMocks(), ...check.scope.pendingMocks(), ...reload.pendingMocks()]).toEqual([]);
  expect(check.sent[0]?.conclusion).toBe("success");
  expect(check.sent[0]?.output.summary).toMatchInlineSnapshot(`
"Meetings declared:

- **security-wg** (Node.js Security team): labels security-wg-agenda in org nodejs; from 2024-03-28T16:00 UTC, FREQ=WEEKLY;INTERVAL=2."
`);
});

test("a template that does not compile fails the check at its line", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const withTemplate = SECURITY_WG_CONFIG.replace("    timezones: [UTC]\n", "    timezones: [UTC]\n    templates: { issue: .github/agenda-drafter/issue.md.hbs }\n");
  const config = mockConfigAt(SHA, withTemplate, { ".github/agenda-drafter/issue.md.hbs": "## Agenda\n\n{{> agenda}}\n\n{{#each invited}}\n* {{this}}\n" });
  const check = captureCheckRun();

  await probot.receive(pushEvent("nodejs/security-wg", { ref: "refs/heads/template", after: SHA, modified: [".github/agenda-drafter.yml"] }) as never);
  await drafter.idle();

  expect([...config.pendingMocks(), ...check.scope.pendingMocks()]).toEqual([]);
  expect(check.sent[0]?.conclusion).toBe("failure");
  expect(check.sent[0]?.output.annotations).toMatchInlineSnapshot(`
[
  {
    "annotation_level": "failure",
    "end_line": 7,
    "message": "syntax error: the template ends inside an open block (a {{#if}} or {{#each}} without its {{/if}} or {{/each}}?)",
    "path": ".github/agenda-drafter/issue.md.hbs",
    "start_line": 7,
    "title": "Template error",
  },
]
`);
});

test("a discussion category the home repo lacks fails the check at its entry, with the one it likely meant", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  const withDiscussions = SECURITY_WG_CONFIG.replace("    timezones: [UTC]\n", "    timezones: [UTC]\n    sources: { discussions: { categories: [Agnda] } }\n");
  const config = mockConfigAt(SHA, withDiscussions);
  const categories = nock(API)
    .post("/graphql", (body) => body.query.includes("discussionCategories") && body.variables.owner === "nodejs" && body.variables.name === "security-wg")
    .reply(200, { data: { repository: { hasDiscussionsEnabled: true, discussionCategories: { nodes: [{ name: "Agenda" }, { name: "General" }] } } } });
  const check = captureCheckRun();

  await probot.receive(pushEvent("nodejs/security-wg", { ref: "refs/heads/discussions", after: SHA, modified: [".github/agenda-drafter.yml"] }) as never);
  await drafter.idle();

  expect([...config.pendingMocks(), ...categories.pendingMocks(), ...check.scope.pendingMocks()]).toEqual([]);
  expect(check.sent[0]?.conclusion).toBe("failure");
  expect(check.sent[0]?.output.annotations).toMatchInlineSnapshot(`
[
  {
    "annotation_level": "failure",
    "end_line": 10,
    "message": "\`Agnda\` is not a discussion category of \`nodejs/security-wg\`; did you mean \`Agenda\`? (its categories: \`Agenda\`, \`General\`)",
    "path": ".github/agenda-drafter.yml",
    "start_line": 10,
    "title": "meetings.security-wg.sources.discussions.categories[0]",
  },
]
`);
});

test("a push that changes neither the config nor a template gets no check", async () => {
  const { probot, drafter } = await startApp();
  mockDiscovery();
  await probot.receive(pushEvent("nodejs/security-wg", { ref: "refs/heads/main", after: SHA, modified: ["README.md"] }) as never);
  await drafter.idle();
  expect(nock.pendingMocks()).toEqual([]);
});
