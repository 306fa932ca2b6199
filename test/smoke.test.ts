import { ProbotOctokit } from "probot";
import type { GitHub } from "../src/github.js";

test("the toolchain runs ESM TypeScript tests", () => {
  const octokit: GitHub = new ProbotOctokit({ auth: { token: "x" } });
  expect(typeof octokit.rest.issues.get).toBe("function");
});
