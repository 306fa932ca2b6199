import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";

// The Node versions the package says it runs on (`engines`) are the ones it is tested on and the
// ones everything it runs with supports: CI runs the suite on the machine's Node and on Node 24,
// and every production dependency, however deep, accepts every Node `engines` accepts.

const root = fileURLToPath(new URL("../..", import.meta.url));

interface Manifest {
  name: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
const manifest = read(root);
const engines = manifest.engines?.node ?? "";

/** Where Node finds `name` from `dir`: its node_modules, then each parent's. */
function locate(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Every production dependency, with the Node range its engines field states (if any). */
function productionTree(): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  const visit = (dir: string) => {
    const { dependencies = {}, optionalDependencies = {} } = read(dir);
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies })) {
      const at = locate(name, dir);
      if (!at || found.has(at)) continue;
      found.set(at, read(at).engines?.node);
      visit(at);
    }
  };
  visit(root);
  return found;
}

test("engines names the Node versions the app supports: 20.19 and later 20s (markdown-it's entities asks for 20.19), 22, and 24 onwards (ical-generator leaves out the short-lived 23)", () => {
  expect(semver.validRange(engines)).not.toBeNull();
  expect(semver.minVersion(engines)?.version).toBe("20.19.0");
  for (const version of ["20.19.0", "22.0.0", "24.0.0"]) expect(semver.satisfies(version, engines)).toBe(true);
  expect(semver.satisfies("23.0.0", engines)).toBe(false);
  // The sandbox package runs where the app's tests do.
  expect(read(join(root, "packages/github-sandbox")).engines?.node).toBe(engines);
});

/**
 * Dependencies whose engines leave out some Node that ours accepts, each with why the app still
 * runs there. A new one fails the test until someone looks.
 */
const KNOWN_NARROWER: Record<string, string> = {
  // Probot 14's @octokit/request 10 asks for content-type ^3, which states Node >= 22; CI runs the
  // whole suite, every GitHub request included, on Node 20 as well as 24.
  "node_modules/content-type": ">=22",
};

test("every production dependency accepts every Node that engines accepts (but the ones known, and why)", () => {
  const tree = productionTree();
  expect(tree.size).toBeGreaterThan(50);
  const narrower = [...tree].filter(([, range]) => range !== undefined && !semver.subset(engines, range));
  expect(Object.fromEntries(narrower.map(([dir, range]) => [dir.slice(root.length), range]))).toEqual(KNOWN_NARROWER);
});

test("CI runs the suite on a Node engines accepts besides the machine's: Node 24", () => {
  const ci = readFileSync(join(root, ".ci/run"), "utf8");
  const extra = /npm install [^\n]*\bnode@(\d+)/.exec(ci)?.[1];
  expect(extra).toBe("24");
  expect(semver.satisfies(`${extra}.0.0`, engines)).toBe(true);
  // The machine running the suite now is one engines accepts too.
  expect(semver.satisfies(process.versions.node, engines)).toBe(true);
});

test("the Node types are those of the oldest Node engines accepts, so that the code uses no newer API", () => {
  const types = manifest.devDependencies?.["@types/node"] ?? "";
  expect(semver.minVersion(types)?.major).toBe(semver.minVersion(engines)?.major);
});
