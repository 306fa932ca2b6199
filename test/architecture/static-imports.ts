import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// What Node loads from an entry: its imports as TypeScript resolves them (dependency-cruiser),
// followed through src/, with the packages they reach.

const root = fileURLToPath(new URL("../..", import.meta.url));
const depcruise = fileURLToPath(new URL("../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs", import.meta.url));

export interface Dependency {
  resolved: string;
  module: string;
  dynamic: boolean;
  dependencyTypes: string[];
}

interface Cruise {
  modules: { source: string; dependencies: Dependency[] }[];
}

/** The import graph of `entries` (paths from the repository root), packages included but not followed. */
export function importGraph(...entries: string[]): Map<string, Dependency[]> {
  const args = [depcruise, ...entries, "--no-config", "--ts-config", "tsconfig.json", "--ts-pre-compilation-deps", "--do-not-follow", "node_modules", "--output-type", "json"];
  const cruise = JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as Cruise;
  return new Map(cruise.modules.map((module) => [module.source, module.dependencies]));
}

/** The packages (not Node's own modules) loaded from `entry`, following the imports `follow` accepts; a type-only import loads nothing. */
export function packagesReached(graph: Map<string, Dependency[]>, entry: string, follow: (dependency: Dependency) => boolean): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (source: string) => {
    if (seen.has(source)) return;
    seen.add(source);
    for (const dependency of graph.get(source) ?? []) {
      if (!follow(dependency) || dependency.dependencyTypes.includes("type-only")) continue;
      if (dependency.dependencyTypes.includes("local")) visit(dependency.resolved);
      else if (!dependency.dependencyTypes.includes("core")) packages.add(packageName(dependency.module));
    }
  };
  visit(entry);
  return packages;
}

/** `probot` of `probot`, `@probot/pino` of `@probot/pino/lib/x.js`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}
