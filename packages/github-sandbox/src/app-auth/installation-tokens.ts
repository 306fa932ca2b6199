import { randomBytes } from "node:crypto";
import type { InstallationRecord, SandboxState } from "../state.js";

/** GitHub's installation access tokens live one hour. */
const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface IssuedToken {
  token: string;
  installationId: number;
  expiresAt: Date;
}

/**
 * Installation access tokens (`ghs_...`) handed out by the sandbox, valid for an hour of real time
 * as GitHub's are: the sandbox clock moves days in a test, and an app that keeps its token for an
 * hour of real time (as Probot does) must not see it refused.
 */
export class InstallationTokens {
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #wallClock: () => number;

  /** `wallClock`: real time in milliseconds (tests pass their own). */
  constructor(wallClock: () => number = Date.now) {
    this.#wallClock = wallClock;
  }

  issue(installationId: number): IssuedToken {
    const now = this.#wallClock();
    const issued: IssuedToken = {
      token: `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "0").slice(0, 36)}`,
      installationId,
      expiresAt: new Date(now + INSTALLATION_TOKEN_LIFETIME_MS),
    };
    this.#tokens.set(issued.token, issued);
    return issued;
  }

  /**
   * The installation a live token acts as; undefined for an unknown or expired token, or a removed
   * installation. `installations`: the app's and, for workflow tokens, GitHub Actions'.
   */
  installationOf(token: string, installations: SandboxState["installations"]): InstallationRecord | undefined {
    const issued = this.#tokens.get(token);
    if (!issued || issued.expiresAt.getTime() <= this.#wallClock()) return undefined;
    return installations.find((installation) => installation.id === issued.installationId);
  }
}
