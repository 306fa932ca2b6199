// The config check run is public to whoever can see the commit, and a pull request's config is
// anyone's: what it shows of files it pulls in from other repositories, and of its own values,
// must be safe to show.
import { Sandbox } from "@agenda-drafter/github-sandbox";
import { configCheckReport } from "../../src/operations/steps/config-check-report.js";
import { allNodes, describeWithCmarkGfm, githubLinksIn, renderGitHubMarkdown, textRuns } from "../render/github-rendering.js";

const SNAPSHOT = `
now: 2024-03-26T09:00:00Z
orgs:
  nodejs:
    owners: [mhdawson]
    repos:
      security-wg:
        files:
          .github/agenda-drafter.yml: |
            _extends: secret-infra:.github/agenda-drafter.yml
            meetings:
              security-wg:
                name: Node.js Security team
                agenda_labels: ["a\` [Approve this PR](https://evil.example) @nodejs/tsc \`"]
                schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
      secret-infra:
        visibility: private
        files:
          .github/agenda-drafter.yml: |
            defaults:
              lead_time: secret-value-in-a-bad-field
              db_password: hunter2
`;

test("a file that _extends names, in a private repository, is named but nothing of its keys or values is shown", async () => {
  const sandbox = Sandbox.fromSnapshot(SNAPSHOT);
  const head = sandbox.state.repos.get("nodejs/security-wg")?.refs.get("refs/heads/main") ?? "";
  const report = await configCheckReport(sandbox.octokit(), { owner: "nodejs", repo: "security-wg" }, head);
  const shown = JSON.stringify(report);
  expect(shown).toContain("secret-infra");
  expect(shown).not.toMatch(/secret-value|hunter2|db_password|lead_time/);
});

describeWithCmarkGfm("the summary of a declared meeting, as GitHub renders it", () => {
  test("shows its values as text: no link, no HTML and no mention from a label", async () => {
    const sandbox = Sandbox.fromSnapshot(SNAPSHOT.replace(/^ *_extends: .*\n/m, ""));
    const head = sandbox.state.repos.get("nodejs/security-wg")?.refs.get("refs/heads/main") ?? "";
    const report = await configCheckReport(sandbox.octokit(), { owner: "nodejs", repo: "security-wg" }, head);
    expect(report.conclusion).toBe("success");
    const line = report.summary.split("\n").find((text) => text.startsWith("- **security-wg**")) ?? "";
    const nodes = allNodes(await renderGitHubMarkdown(line));
    expect(nodes.filter((node) => node.type === "link" || node.type.startsWith("html"))).toEqual([]);
    expect(textRuns(nodes).flatMap(githubLinksIn)).toEqual([]);
  });
});
