import { generateKeyPairSync } from "node:crypto";

let appKey: string | undefined;

/**
 * The stage app's private key (PKCS#8 PEM), generated for the first stage and kept for the others
 * of the process: a 2048-bit RSA key costs from tens of milliseconds to a second of CPU, and
 * stages need no keys of their own, since each stage's sandbox knows only its own app.
 */
export function stageAppKey(): string {
  appKey ??= generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
  return appKey;
}
