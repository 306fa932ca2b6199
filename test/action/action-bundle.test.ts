// The action runs from its committed bundle (action.yml's `runs.main`): it must be what the
// source builds today. `npm run build:action` rebuilds it.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const committed = join(root, "action/bundle");

let built: string;
beforeAll(async () => {
  built = mkdtempSync(join(tmpdir(), "agenda-drafter-action-bundle-"));
  await promisify(execFile)(process.execPath, [join(root, "scripts/build-action.mjs"), "--outdir", built], { cwd: root });
}, 120_000);
afterAll(() => rmSync(built, { recursive: true, force: true }));

test("the committed bundle is the one the source builds (run `npm run build:action` after a change)", () => {
  expect(readdirSync(committed).sort()).toEqual(readdirSync(built).sort());
  for (const file of readdirSync(built)) {
    const same = readFileSync(join(committed, file), "utf8") === readFileSync(join(built, file), "utf8");
    expect({ file, same }).toEqual({ file, same: true });
  }
});

test("action.yml runs the bundle on Node 24", () => {
  const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as { runs: { using: string; main: string } };
  expect(action.runs).toEqual({ using: "node24", main: "action/bundle/index.mjs" });
});
