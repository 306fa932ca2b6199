import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The rooms of src/ and their arrows (README, "How it works") are the rules in
// .dependency-cruiser.cjs; this test keeps the tree to them, reading the imports as TypeScript
// resolves them.

const root = fileURLToPath(new URL("../..", import.meta.url));
const depcruise = fileURLToPath(new URL("../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs", import.meta.url));
const config = fileURLToPath(new URL("../../.dependency-cruiser.cjs", import.meta.url));

interface Cruise {
  summary: { totalCruised: number; violations: { rule: { name: string }; from: string; to: string }[] };
}

function cruise(cwd: string): Cruise {
  const json = execFileSync(process.execPath, [depcruise, "src", "--config", config, "--output-type", "json"], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(json) as Cruise;
}

const violations = (result: Cruise) => result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);

test("src/ imports only downward, has no cycle, and loads the sandbox only where the CLI needs it", () => {
  const result = cruise(root);
  expect(result.summary.totalCruised).toBeGreaterThan(100);
  expect(violations(result)).toEqual([]);
});

test("an upward import is refused (render importing from publish)", () => {
  expect(violations(cruise(fileURLToPath(new URL("./fixtures/upward", import.meta.url))))).toEqual([
    "no-upward-from-render: src/render/render.ts → src/publish/write.ts",
  ]);
});
