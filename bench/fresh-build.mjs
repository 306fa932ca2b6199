// The bench runs the built app (dist/) and sandbox (packages/github-sandbox/dist/): it builds them
// first, but only when a source is newer than the build, since a full build takes half a minute of
// a 2-core machine and the quick run's whole budget is two minutes.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "packages/github-sandbox/src", "tsconfig.json", "tsconfig.build.json", "packages/github-sandbox/tsconfig.json", "packages/github-sandbox/tsconfig.build.json", "package-lock.json"];
const BUILDS = ["dist/app.js", "dist/cli.js", "packages/github-sandbox/dist/index.js"];

/** Runs `npm run build` unless every build output is newer than every source; says which it did. */
export function buildIfStale() {
  const newestSource = Math.max(...SOURCES.map((path) => newestMtime(join(root, path))));
  const oldestBuild = Math.min(...BUILDS.map((path) => mtime(join(root, path))));
  if (oldestBuild > newestSource) return "the build is newer than the sources";
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status}`);
  return "built";
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}
