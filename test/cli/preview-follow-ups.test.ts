import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { snapshotWith } from "../e2e/live-issue-app.js";
import type { Output } from "../../src/cli/output.js";

test("preview shows the follow-ups of the previous meeting's minutes as the issue would", async () => {
  const snapshot = snapshotWith((document) => {
    const files = document.orgs.nodejs.repos["security-wg"]!.files!;
    files["meetings/2024-03-28.md"] = "# Minutes\n\n## Notes\n\n* ACTION: @RafaelGSS to write the threat model\n";
  });
  const folder = mkdtempSync(join(tmpdir(), "agenda-drafter-follow-ups-"));
  try {
    const file = join(folder, "snapshot.yml");
    writeFileSync(file, snapshot);
    const stdout: string[] = [];
    const output: Output = { print: (text) => stdout.push(text), log: () => {} };
    expect(await main(["preview", "--sandbox", file, "--repo", "nodejs/security-wg", "--date", "2024-04-11", "--json"], output)).toBe(0);
    const agenda = parseBody(JSON.parse(stdout.join("\n")).issue.body).agenda ?? "";
    expect(agenda).toContain(
      "### Action items from last meeting\n\n*From the [minutes of 2024-03-28](https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md)",
    );
    expect(agenda).toContain("* @\u200BRafaelGSS to write the threat model ([line 5](https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-28.md?plain=1#L5))");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
