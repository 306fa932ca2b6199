import { UserError } from "../errors.js";

// The sandbox GitHub is a development dependency: a clone of the repository has it after `npm ci`,
// the Docker image (production dependencies, without the workspace) does not. The commands that
// need it load it when they run, so that every other command works without it.
const SANDBOX_PACKAGE = "@agenda-drafter/github-sandbox";

export type SandboxPackage = typeof import("@agenda-drafter/github-sandbox");

export const SANDBOX_NOT_INSTALLED = `the sandbox GitHub (${SANDBOX_PACKAGE}) is not installed: it comes with the development dependencies, which this installation leaves out. Get it from a clone of the repository: run "npm ci" there.`;

/** The sandbox package; a UserError saying how to get it when it is not installed. */
export async function loadSandbox(importSandbox: () => Promise<SandboxPackage> = () => import("@agenda-drafter/github-sandbox")): Promise<SandboxPackage> {
  try {
    return await importSandbox();
  } catch (error) {
    if (isPackageNotFound(error)) throw new UserError(SANDBOX_NOT_INSTALLED);
    throw error;
  }
}

/** Node's error for an import of a package it cannot find; not for a missing file or dependency inside the package. */
function isPackageNotFound(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "ERR_MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${SANDBOX_PACKAGE}'`);
}
