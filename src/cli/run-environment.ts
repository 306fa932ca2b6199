import { readFileSync } from "node:fs";
import { Probot } from "probot";
import type { GitHub } from "../github.js";
import { UserError } from "../errors.js";
import type { RunEnvironment } from "./run.js";
import { redisStoresFromEnv } from "../app/redis-stores.js";
import { pinApiVersion, statusOf } from "../github.js";
import { activeInstallations } from "../app/active-installations.js";
import { clockFromEnv } from "../app/clock-from-env.js";
import { createTickActions } from "../app/tick-actions.js";
import { stateSignerFromEnv } from "../app/state-signer-from-env.js";
import { bindStateSigner } from "../publish/state-signer.js";

/**
 * What `agenda-drafter run` needs, from the app's credentials as `probot run` reads them:
 * `APP_ID`, `PRIVATE_KEY` or `PRIVATE_KEY_PATH`, and for GitHub Enterprise Server `GHE_HOST`
 * (with `GHE_PROTOCOL`, https by default). The meeting issues' state is signed as the app signs
 * it: with `AGENDA_DRAFTER_STATE_KEY` when set, else with the private key.
 */
export function runEnvironmentFromEnv(env: NodeJS.ProcessEnv = process.env): RunEnvironment {
  const appId = env.APP_ID;
  if (!appId) throw new UserError("Set APP_ID to the GitHub App's id, and PRIVATE_KEY or PRIVATE_KEY_PATH to its private key.");
  const privateKey = env.PRIVATE_KEY || readKeyFile(env.PRIVATE_KEY_PATH);
  const baseUrl = env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : undefined;
  const probot = new Probot({ appId, privateKey, ...(baseUrl && { baseUrl }), logLevel: "warn" });
  const now = clockFromEnv(env);
  const log = { info: (m: string) => probot.log.info(m), warn: (m: string) => probot.log.warn(m), error: (m: string) => probot.log.error(m) };
  const signer = stateSignerFromEnv(env, privateKey);

  const { registry, lock } = redisStoresFromEnv(env, log, { now });

  return {
    async installations(repo) {
      let ids: number[];
      if (repo) {
        const appOctokit = pinApiVersion((await probot.auth()) as GitHub);
        try {
          ids = [(await appOctokit.rest.apps.getRepoInstallation({ ...repo })).data.id];
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
          ids = [];
        }
      } else {
        ids = (await activeInstallations(probot)).map((installation) => installation.id);
      }
      return Promise.all(ids.map(async (installationId) => ({ installationId, octokit: pinApiVersion((await probot.auth(installationId)) as GitHub) })));
    },
    actions: (installation) => createTickActions(bindStateSigner(installation.octokit, signer), { now, log }),
    registry,
    lock,
    now,
  };
}

function readKeyFile(path: string | undefined): string {
  if (!path) throw new UserError("Set PRIVATE_KEY to the GitHub App's private key, or PRIVATE_KEY_PATH to its file.");
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`PRIVATE_KEY_PATH: cannot read "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
