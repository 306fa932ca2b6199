import { execFileSync, spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Runs the command line as a person does: `bin/agenda-drafter.js` in a process of its own, on the
 * built `dist/` (rebuilt first when a source file is newer), so that what the process itself does
 * (its exit code, what reaches a pipe before it exits) is what the test sees.
 */
const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin/agenda-drafter.js");

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Read standard output only after this many milliseconds, as a slow reader at the end of a pipe would. */
  slowReaderMs?: number;
}

let built = false;

export async function runCli(args: string[], options: RunOptions = {}): Promise<ProcessResult> {
  buildCli();
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  if (options.slowReaderMs !== undefined) {
    // Nothing is read until the reader wakes up or the process has exited, whichever comes first.
    child.stdout.pause();
    const wake = () => child.stdout.resume();
    const timer = setTimeout(wake, options.slowReaderMs);
    child.once("exit", () => (clearTimeout(timer), wake()));
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode));
  });
  return { code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") };
}

/** Builds the packages whose `dist/` is older than their sources, once per test file (call it in a `beforeAll` with room for a build). */
export function buildCli(): void {
  if (built) return;
  for (const [folder, output] of [
    ["packages/github-sandbox/src", "packages/github-sandbox/dist/index.js"],
    ["src", "dist/cli.js"],
  ] as const) {
    const builtAt = mtimeOf(join(root, output));
    if (builtAt !== undefined && newestSource(join(root, folder)) <= builtAt) continue;
    const project = folder === "src" ? "tsconfig.build.json" : "packages/github-sandbox/tsconfig.build.json";
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, project)], { cwd: root, stdio: "inherit" });
  }
  built = true;
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
