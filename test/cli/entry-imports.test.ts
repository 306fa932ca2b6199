import { importGraph, packagesReached } from "../architecture/static-imports.js";

// `agenda-drafter --help` and `--version` must answer at once: the entry (src/cli.ts, which the
// bin loads as dist/cli.js) imports each command when it runs. Following its static imports only
// gives what Node loads before `main` runs.

const graph = importGraph("src/cli.ts");

test("the command line's entry loads no package before a command runs: --help and --version import neither Probot nor zod", () => {
  expect([...packagesReached(graph, "src/cli.ts", (dependency) => !dependency.dynamic)]).toEqual([]);
});

test("--help and --version load nothing of the app: the entry's static imports are its usages, its output and its errors", () => {
  const loaded = new Set<string>();
  const visit = (source: string) => {
    if (loaded.has(source)) return;
    loaded.add(source);
    for (const dependency of graph.get(source) ?? []) {
      if (!dependency.dynamic && dependency.dependencyTypes.includes("local") && !dependency.dependencyTypes.includes("type-only")) visit(dependency.resolved);
    }
  };
  visit("src/cli.ts");
  expect([...loaded].sort()).toEqual(["src/cli.ts", "src/cli/output.ts", "src/cli/usages.ts", "src/errors.ts"]);
});

test("the commands themselves, imported when they run, do load Probot and zod (the check sees packages)", () => {
  const all = packagesReached(graph, "src/cli.ts", () => true);
  expect(all).toContain("probot");
  expect(all).toContain("zod");
});
