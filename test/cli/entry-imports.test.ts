import { importGraph, packagesReached } from "../architecture/static-imports.js";

// `agenda-drafter --help` and `--version` must answer at once: the entry (src/cli.ts, which the
// bin loads as dist/cli.js) imports each command when it runs. Following its static imports only
// gives what Node loads before `main` runs.

const graph = importGraph("src/cli.ts");

test("the command line's entry loads no package before a command runs: --help and --version import neither Probot nor zod", () => {
  expect([...packagesReached(graph, "src/cli.ts", (dependency) => !dependency.dynamic)]).toEqual([]);
});

test("the commands themselves, imported when they run, do load Probot and zod (the check sees packages)", () => {
  const all = packagesReached(graph, "src/cli.ts", () => true);
  expect(all).toContain("probot");
  expect(all).toContain("zod");
});
