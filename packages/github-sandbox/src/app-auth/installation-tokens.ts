import { randomBytes } from "node:crypto";
import type { InstallationRecord, SandboxState } from "../state.js";

/** GitHub's installation access tokens live one hour. */
const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface IssuedToken {
  token: string;
  installationId: number;
  expiresAt: Date;
}

/** Installation access tokens (`ghs_...`) handed out by the sandbox, valid for an hour of sandbox time. */
export class InstallationTokens {
  readonly #tokens = new Map<string, IssuedToken>();

  issue(installationId: number, now: Date): IssuedToken {
    const issued: IssuedToken = {
      token: `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "0").slice(0, 36)}`,
      installationId,
      expiresAt: new Date(now.getTime() + INSTALLATION_TOKEN_LIFETIME_MS),
    };
    this.#tokens.set(issued.token, issued);
    return issued;
  }

  /** The installation a live token acts as; undefined for an unknown or expired token, or a removed installation. */
  installationOf(token: string, state: SandboxState, now: Date): InstallationRecord | undefined {
    const issued = this.#tokens.get(token);
    if (!issued || issued.expiresAt <= now) return undefined;
    return state.installations.find((installation) => installation.id === issued.installationId);
  }
}
