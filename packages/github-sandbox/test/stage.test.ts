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

test("the app runs with Probot's retries and throttling on, as in production, and meets the request faults set", async () => {
  const comments = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
  const outcomes: string[] = [];
  const stage = await startStage({
    snapshot: SNAPSHOT,
    app: (probot) => {
      probot.on("issues.labeled", async (context) => {
        const posted = context.octokit.rest.issues.createComment(context.issue({ body: `${context.payload.label?.name}` }));
        outcomes.push(await posted.then(() => "posted", (error: { status: number }) => `failed ${error.status}`));
      });
    },
  });
  const label = async (name: string) => {
    await stage.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: [name] });
    await stage.settle();
  };
  try {
    stage.failRequests({ route: comments, kind: "server-error", times: 2 }, { route: comments, kind: "rate-limit", nth: 4 });
    await label("retried-twice");
    await label("rate-limited");
    expect(stage.requestFaults()).toMatchObject([{ fired: 2 }, { fired: 1 }]);
    stage.clearRequestFaults();
    stage.failRequests({ route: comments, kind: "validation-failed" });
    await label("refused");
    stage.failRequests({ route: comments, kind: "lost-response" });
    await label("lost");

    expect(outcomes).toEqual(["posted", "posted", "failed 422", "posted"]);
    // The lost answer was retried: the comment was posted twice.
    expect(stage.comments("nodejs/security-wg", 1255).map((comment) => comment.body)).toEqual(["retried-twice", "rate-limited", "lost", "lost"]);
    expect(() => stage.failRequests({ route: "POST /nowhere", kind: "hang" })).toThrow('[0].route: "POST /nowhere" is no operation of the sandbox');
  } finally {
    await stage.close();
  }
});

test("closing the stage ends a hung request: its faults are cleared, and the app's retry goes through", async () => {
  const stage = await startStage({
    snapshot: SNAPSHOT,
    app: (probot) => {
      probot.on("issues.labeled", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "never answered" })).catch(() => undefined);
      });
    },
  });
  stage.failRequests({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", kind: "hang", times: "always" });
  await stage.as("RafaelGSS").rest.issues.addLabels({ owner: "nodejs", repo: "security-wg", issue_number: 1255, labels: ["x"] });
  while (stage.requestFaults()[0]?.fired !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await stage.close();
  expect(stage.comments("nodejs/security-wg", 1255).map((comment) => comment.body)).toEqual(["never answered"]);
});
