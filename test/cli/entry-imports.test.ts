import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// `agenda-drafter --help` and `--version` must answer at once: the entry (src/cli.ts, which the
// bin loads as dist/cli.js) imports each command when it runs. This reads the entry's imports as
// TypeScript resolves them (dependency-cruiser) and follows the static ones only: what Node loads
// before `main` runs.

const root = fileURLToPath(new URL("../..", import.meta.url));
const depcruise = fileURLToPath(new URL("../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs", import.meta.url));

interface Dependency {
  resolved: string;
  module: string;
  dynamic: boolean;
  dependencyTypes: string[];
}
interface Cruise {
  modules: { source: string; dependencies: Dependency[] }[];
}

const cruise = JSON.parse(
  execFileSync(process.execPath, [depcruise, "src/cli.ts", "--no-config", "--ts-config", "tsconfig.json", "--ts-pre-compilation-deps", "--do-not-follow", "node_modules", "--output-type", "json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
) as Cruise;
const modules = new Map(cruise.modules.map((module) => [module.source, module.dependencies]));

/** The packages (not Node's own modules) loaded from `entry`, following `follow` edges. */
function packagesReached(entry: string, follow: (dependency: Dependency) => boolean): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (source: string) => {
    if (seen.has(source)) return;
    seen.add(source);
    for (const dependency of modules.get(source) ?? []) {
      if (!follow(dependency) || dependency.dependencyTypes.includes("type-only")) continue;
      if (dependency.dependencyTypes.includes("local")) visit(dependency.resolved);
      else if (!dependency.dependencyTypes.includes("core")) packages.add(dependency.module);
    }
  };
  visit(entry);
  return packages;
}

test("the command line's entry loads no package before a command runs: --help and --version import neither Probot nor zod", () => {
  expect([...packagesReached("src/cli.ts", (dependency) => !dependency.dynamic)]).toEqual([]);
});

test("the commands themselves, imported when they run, do load Probot and zod (the check sees packages)", () => {
  const all = packagesReached("src/cli.ts", () => true);
  expect(all).toContain("probot");
  expect(all).toContain("zod");
});
