import { startStage } from "../src/stage.js";

const SNAPSHOT = `
now: "2024-03-26T09:00:00Z"
orgs:
  nodejs:
    members: [RafaelGSS]
    repos:
      security-wg:
        collaborators: { RafaelGSS: triage }
        issues:
          - { number: 1255, title: "Node.js Security Initiatives 2024", author: RafaelGSS }
`;

test("the app keeps acting after the clock moves past its installation token's hour", async () => {
  const stage = await startStage({
    snapshot: SNAPSHOT,
    app: (probot, { now }) => {
      probot.on("issues.labeled", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: `${context.payload.label?.name} at ${now().toISOString()}` }));
      });
    },
  });
  try {
    const rafael = stage.as("RafaelGSS");
    await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: ["security-wg-agenda"] });
    await stage.settle();
    stage.clock.advance("P2D");
    await rafael.rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: ["tsc-agenda"] });
    await stage.settle();

    expect(stage.comments("nodejs/security-wg", 1255).map((comment) => comment.body)).toEqual([
      "security-wg-agenda at 2024-03-26T09:00:00.000Z",
      "tsc-agenda at 2024-03-28T09:00:00.000Z",
    ]);
  } finally {
    await stage.close();
  }
});

test("a busy sandbox port is refused with EADDRINUSE", async () => {
  const first = await startStage({ snapshot: SNAPSHOT, app: () => {} });
  try {
    const port = Number(new URL(first.url).port);
    await expect(startStage({ snapshot: SNAPSHOT, port, app: () => {} })).rejects.toMatchObject({ code: "EADDRINUSE" });
  } finally {
    await first.close();
  }
});
