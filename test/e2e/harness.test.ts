import { startE2E, type E2E } from "./harness.js";

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  nodejs:
    members: [mhdawson, RafaelGSS]
    repos:
      security-wg:
        collaborators: { RafaelGSS: triage }
        files:
          README.md: "# Security WG\\n"
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", author: RafaelGSS }
installations:
  - { id: 4001, account: nodejs }
`;

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({
    snapshot: SNAPSHOT,
    // A tiny app: answers "pong" on every issue labelled `ping`, and says what time it is for it.
    app: (probot, { now }) => {
      probot.on("issues.labeled", async (context) => {
        if (context.payload.label?.name !== "ping") return;
        await context.octokit.rest.issues.createComment(context.issue({ body: `pong at ${now().toISOString()}` }));
      });
    },
  });
});
afterAll(async () => {
  await e2e.close();
});

test("a person labels an issue; the app, a real Probot server, answers through the sandbox", async () => {
  e2e.clock.advance("PT2H");
  await e2e.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: ["ping"] });
  await e2e.settle();

  expect(e2e.comments("nodejs/security-wg", 1255).map((comment) => `${comment.author}: ${comment.body}`)).toEqual([
    "agenda-drafter[bot]: pong at 2024-03-26T11:00:00.000Z",
  ]);
  expect(e2e.appWrites().map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
    "POST /repos/nodejs/security-wg/issues/1255/comments 201",
  ]);
  expect(e2e.deliveries().map((delivery) => `${delivery.event}.${delivery.action} ${delivery.state}`)).toEqual([
    "issues.labeled answered",
    "issue_comment.created answered",
  ]);
});

test("people without rights are refused as on GitHub; state reads come straight from the sandbox", async () => {
  await expect(e2e.as("stranger").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: ["ping"] })).rejects.toMatchObject({ status: 403 });
  const minutes = { owner: "nodejs", repo: "security-wg", path: "meetings/2024-03-28.md", message: "Minutes", content: Buffer.from("# Minutes\n").toString("base64") };
  await expect(e2e.as("mhdawson").rest.repos.createOrUpdateFileContents(minutes)).rejects.toMatchObject({ status: 403 });
  expect(e2e.file("nodejs/security-wg", "README.md")).toBe("# Security WG\n");
  expect(e2e.issues("nodejs/security-wg").map((issue) => [issue.number, issue.labels])).toEqual([[1255, ["ping"]]]);
  expect(e2e.pullRequests("nodejs/security-wg")).toEqual([]);
});
