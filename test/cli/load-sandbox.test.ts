import { loadSandbox, SANDBOX_NOT_INSTALLED } from "../../src/cli/load-sandbox.js";
import { UserError } from "../../src/errors.js";

/** What Node's import throws for a package that is not in node_modules. */
function notFound(specifier: string): Error {
  return Object.assign(new Error(`Cannot find package '${specifier}' imported from /app/dist/cli/load-sandbox.js`), { code: "ERR_MODULE_NOT_FOUND" });
}

test("loads the sandbox package when it is installed", async () => {
  const sandbox = await loadSandbox();
  expect(typeof sandbox.Sandbox.fromSnapshot).toBe("function");
  expect(typeof sandbox.startStage).toBe("function");
});

test("without the sandbox package, a user error says it is not installed and how to get it", async () => {
  const failure = loadSandbox(() => Promise.reject(notFound("@agenda-drafter/github-sandbox")));
  await expect(failure).rejects.toBeInstanceOf(UserError);
  await expect(failure).rejects.toThrow(SANDBOX_NOT_INSTALLED);
  expect(SANDBOX_NOT_INSTALLED).toBe(
    'the sandbox GitHub (@agenda-drafter/github-sandbox) is not installed: it comes with the development dependencies, which this installation leaves out. Get it from a clone of the repository: run "npm ci" there.',
  );
});

test("a package the sandbox itself misses is not taken for a missing sandbox", async () => {
  const missingDependency = notFound("ajv");
  await expect(loadSandbox(() => Promise.reject(missingDependency))).rejects.toBe(missingDependency);
});
