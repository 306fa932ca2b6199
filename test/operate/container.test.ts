import { readFileSync } from "node:fs";
import { importGraph, packagesReached } from "../architecture/static-imports.js";

// No Docker engine runs where the tests do: this checks the Dockerfile's facts, and that what
// its runtime stage installs (`npm ci --omit=dev`) is all the server entry it runs loads.

const dockerfile = readFileSync(new URL("../../Dockerfile", import.meta.url), "utf8");
const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The instructions of the last stage (the image), continuation lines joined. */
function runtimeStage(): string[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const from = instructions.map((line, index) => (line.startsWith("FROM ") ? index : -1)).filter((index) => index >= 0);
  expect(from.length).toBeGreaterThanOrEqual(2);
  return instructions.slice(from.at(-1));
}

const stage = runtimeStage();
const instruction = (name: string) => stage.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));

test("the image is built in two stages, and its runtime stage installs the production dependencies only", () => {
  expect(stage[0]).toMatch(/^FROM node:\S+$/);
  expect(instruction("RUN").some((line) => /npm ci\b.*--omit=dev/.test(line))).toBe(true);
  expect(instruction("COPY").some((line) => line.startsWith("--from=build /app/dist"))).toBe(true);
  // The sandbox workspace is a test double: the image does without it.
  expect(instruction("COPY").some((line) => line.includes("packages"))).toBe(false);
});

test("the image runs as a non-root user, on 0.0.0.0, logging JSON, and checks /healthz", () => {
  expect(instruction("USER")).toEqual(["node"]);
  const env = instruction("ENV").join(" ");
  expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
  expect(env).toMatch(/\bLOG_FORMAT=json\b/);
  expect(env).toMatch(/\bNODE_ENV=production\b/);
  expect(instruction("EXPOSE")).toEqual(["3000"]);
  expect(env).toMatch(/\bPORT=3000\b/);
  expect(instruction("HEALTHCHECK").join(" ")).toContain("http://127.0.0.1:3000/healthz");
});

test("the image runs what `npm start` runs: the server entry", () => {
  expect(instruction("CMD")).toEqual(['["node", "dist/server.js"]']);
  expect(manifest.scripts.start).toBe("node dist/server.js");
});

test("the image holds the files the server reads at run time: dist, templates, workers", () => {
  const copied = instruction("COPY").join("\n");
  for (const path of ["dist", "templates", "workers"]) expect(copied).toMatch(new RegExp(`(^|\\s|/)${path}(\\s|$)`, "m"));
});

test("every package the server entry loads is a production dependency, which `npm ci --omit=dev` installs", () => {
  const loaded = [...packagesReached(importGraph("src/server.ts"), "src/server.ts", () => true)].sort();
  expect(loaded).toEqual(expect.arrayContaining(["@probot/pino", "pino", "probot", "prom-client"]));
  expect(loaded.filter((name) => !(name in manifest.dependencies))).toEqual([]);
});
