import { getPrivateKey } from "@probot/get-private-key";
import { UserError } from "../errors.js";
import { StateSigner } from "../publish/state-signer.js";

const STATE_KEY_ENV = "AGENDA_DRAFTER_STATE_KEY";

/**
 * The signer of the meeting issues' state: from `AGENDA_DRAFTER_STATE_KEY` when set, else from
 * the app's private key, read as Probot reads it (`PRIVATE_KEY`, `PRIVATE_KEY_PATH`). Every
 * replica and every `agenda-drafter run` of one app must use the same: a state signed with another
 * key is read as absent.
 */
export function stateSignerFromEnv(env: NodeJS.ProcessEnv = process.env, privateKey?: string): StateSigner {
  const configured = env[STATE_KEY_ENV];
  if (configured) return StateSigner.fromSecret(configured);
  const pem = privateKey ?? getPrivateKey({ env });
  if (!pem) throw new UserError(`Set ${STATE_KEY_ENV}, or PRIVATE_KEY or PRIVATE_KEY_PATH to the GitHub App's private key: the app signs its meeting issues' state with it.`);
  return StateSigner.fromPrivateKey(pem);
}
