import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { snapshotWith } from "../e2e/live-issue-app.js";
import { runCli } from "./cli-process.js";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "agenda-drafter-preview-process-"));
});
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
