import { generateKeyPairSync } from "node:crypto";
import { stateSignerFromEnv } from "../../src/app/state-signer-from-env.js";
import { StateSigner } from "../../src/publish/state-signer.js";

const signedFor = { issue: { owner: "nodejs", repo: "security-wg", number: 1260 }, meeting: "security-wg", occurrence: "2024-03-28" };
const STATE_KEY = "a state key for every replica, long enough";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ type: "pkcs1", format: "pem" }).toString();

test("AGENDA_DRAFTER_STATE_KEY signs when it is set; else the app's private key does, however it is given", () => {
  const configured = stateSignerFromEnv({ AGENDA_DRAFTER_STATE_KEY: STATE_KEY, PRIVATE_KEY: PEM });
  expect(configured.sign("e30", signedFor)).toBe(StateSigner.fromSecret(STATE_KEY).sign("e30", signedFor));
  const fromKey = stateSignerFromEnv({ PRIVATE_KEY: PEM });
  expect(fromKey.sign("e30", signedFor)).toBe(StateSigner.fromPrivateKey(PEM).sign("e30", signedFor));
  expect(stateSignerFromEnv({}, PEM).sign("e30", signedFor)).toBe(fromKey.sign("e30", signedFor));
  expect(fromKey.sign("e30", signedFor)).not.toBe(configured.sign("e30", signedFor));
});

test("without either, the app says what to set", () => {
  expect(() => stateSignerFromEnv({}, undefined)).toThrow("Set AGENDA_DRAFTER_STATE_KEY, or PRIVATE_KEY or PRIVATE_KEY_PATH");
});
