import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli.js";
import { parseBody } from "../../src/publish/issue-body.js";
import { INVITED_TEAMS_SNAPSHOT, PUBLIC_MEMBERS } from "../e2e/invited-teams-snapshot.js";
import type { Output } from "../../src/cli/output.js";

// `preview` reads the invited teams as the app does for the issue: the public home repo's issue
// lists the public members and counts the others; a team the token cannot read is the config
// check's warning, with its line, and the preview is still printed.

test("preview lists the invited team's members as the issue does, and warns of a team it cannot read", async () => {
  const folder = mkdtempSync(join(tmpdir(), "agenda-drafter-invited-"));
  try {
    const file = join(folder, "snapshot.yml");
    writeFileSync(file, INVITED_TEAMS_SNAPSHOT);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const output: Output = { print: (text) => stdout.push(text), log: (text) => stderr.push(text) };
    expect(await main(["preview", "--sandbox", file, "--repo", "nodejs/security-wg", "--json"], output)).toBe(0);
    const agenda = parseBody(JSON.parse(stdout.join("\n")).issue.body).agenda ?? "";
    expect(agenda).toContain(
      `### Invited members\n\n${PUBLIC_MEMBERS}`,
    );
    expect(agenda).not.toContain("UlisesGascon");
    expect(stderr).toContainEqual(expect.stringContaining("agenda-drafter.yml:8:9: warning: meetings.security-wg.invited[1]: `@nodejs/security-wgg` is not a team the app can read"));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
