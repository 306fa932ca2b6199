import { createHmac, createPrivateKey, hkdfSync, timingSafeEqual } from "node:crypto";
import { UserError } from "../errors.js";
import type { GitHub, RepoRef } from "../github.js";

// Anyone who may edit an issue body may edit the state block in it, and anyone may open an issue
// with a copy of one. So the app signs each state it writes: an HMAC-SHA256 over the issue it is
// written into (repository and number), the meeting and occurrence, and the encoded state, keyed
// by a secret only the app holds. A state that does not verify, edited or copied from another
// issue, is read as absent (see issue-body.ts).
//
// The key travels with the app's GitHub client: whoever holds that client acts as the app anyway.
// The wiring binds the signer to every client it authenticates (`bindStateSigner`); the writers
// and readers of the state find it there, so it is not a parameter of every step between them.

/** The issue a state is written into: a state verifies only in the issue it was signed for. */
export interface StateIssue extends RepoRef {
  number: number;
}

/** How a state block is read and written: signed by the app for one issue. */
export interface StateSeal {
  signer: StateSigner;
  issue: StateIssue;
}

/** What a signature covers besides the encoded state. */
export interface SignedFor {
  issue: StateIssue;
  meeting: string;
  occurrence: string;
}

const HKDF_INFO = "agenda-drafter meeting state v1";
/** `AGENDA_DRAFTER_STATE_KEY` must be at least this long: a secret, not a password. */
const MIN_STATE_KEY_LENGTH = 32;

export class StateSigner {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** From a configured secret (`AGENDA_DRAFTER_STATE_KEY`, the Action's `state-key`). */
  static fromSecret(secret: string): StateSigner {
    if (secret.length < MIN_STATE_KEY_LENGTH) {
      throw new UserError(`AGENDA_DRAFTER_STATE_KEY must be at least ${MIN_STATE_KEY_LENGTH} characters long.`);
    }
    return new StateSigner(derive(Buffer.from(secret, "utf8")));
  }

  /**
   * From the app's private key, in any of the PEM forms GitHub and Probot accept: replicas and the
   * command line that read the key in another form still derive the same signer.
   */
  static fromPrivateKey(pem: string): StateSigner {
    const der = createPrivateKey(pem).export({ type: "pkcs8", format: "der" });
    return new StateSigner(derive(der));
  }

  sign(encoded: string, signedFor: SignedFor): string {
    const { issue, meeting, occurrence } = signedFor;
    const subject = JSON.stringify([`${issue.owner}/${issue.repo}`.toLowerCase(), issue.number, meeting, occurrence, encoded]);
    return createHmac("sha256", this.#key).update(subject, "utf8").digest("base64url");
  }

  /**
   * The secret in the feed URL of a private home repo (`owner/name`): whoever has the URL may
   * read that repo's calendar, nobody can guess it, and every replica derives the same.
   */
  feedToken(repo: string): string {
    // A state's subject starts with `owner/name`, never with this word: the two never collide.
    const subject = JSON.stringify(["calendar-feed", repo.toLowerCase()]);
    return createHmac("sha256", this.#key).update(subject, "utf8").digest("base64url");
  }

  verifies(encoded: string, signature: string, signedFor: SignedFor): boolean {
    const expected = Buffer.from(this.sign(encoded, signedFor), "utf8");
    const given = Buffer.from(signature, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function derive(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), HKDF_INFO, 32));
}

const signers = new WeakMap<GitHub, StateSigner>();

/** The client, with the signer its state reads and writes use. */
export function bindStateSigner(octokit: GitHub, signer: StateSigner): GitHub {
  signers.set(octokit, signer);
  return octokit;
}

/** The signer bound to the client; a client the wiring did not bind is a programming error. */
export function stateSignerOf(octokit: GitHub): StateSigner {
  const signer = signers.get(octokit);
  if (!signer) throw new Error("This GitHub client has no state signer: bind one with bindStateSigner where the client is made.");
  return signer;
}

/** The seal of one issue's state, with the client's signer. */
export function stateSeal(octokit: GitHub, home: RepoRef, issueNumber: number): StateSeal {
  return { signer: stateSignerOf(octokit), issue: { owner: home.owner, repo: home.repo, number: issueNumber } };
}
