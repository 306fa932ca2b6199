import { createPublicKey, verify, type KeyObject } from "node:crypto";

// GitHub authenticates an app by a JWT it signed with its private key (RS256). The messages are
// GitHub's own: @octokit/auth-app matches the clock ones to correct for clock skew, using the
// `Date` header of the 401 answer.

/** GitHub accepts an app JWT for at most ten minutes. */
const MAX_APP_JWT_LIFETIME_SECONDS = 10 * 60;

const JWT_MESSAGES = {
  undecodable: "A JSON web token could not be decoded",
  issuerNotInteger: "'Issuer' claim ('iss') must be an Integer",
  expired: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooFarInFuture: "'Expiration time' claim ('exp') is too far in the future",
  issuedInFuture: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
} as const;

export interface SandboxApp {
  id: number;
  publicKey: KeyObject;
}

export type JwtVerdict = { valid: true } | { valid: false; message: string };

/** Verifies an app JWT (the bearer of `Authorization: Bearer <jwt>`) at the sandbox's `now`. */
export function verifyAppJwt(jwt: string, app: SandboxApp, now: Date): JwtVerdict {
  const parts = jwt.split(".");
  if (parts.length !== 3) return invalid(JWT_MESSAGES.undecodable);
  const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
  const header = decodeJson(encodedHeader);
  const claims = decodeJson(encodedClaims);
  if (!header || !claims || header.alg !== "RS256") return invalid(JWT_MESSAGES.undecodable);

  const issuer = typeof claims.iss === "string" && /^\d+$/.test(claims.iss) ? Number(claims.iss) : claims.iss;
  if (typeof issuer !== "number" || !Number.isInteger(issuer)) return invalid(JWT_MESSAGES.issuerNotInteger);
  // The key GitHub verifies with is the one of the app the JWT names: another app id has no key here.
  if (issuer !== app.id) return invalid(JWT_MESSAGES.undecodable);
  const signed = Buffer.from(`${encodedHeader}.${encodedClaims}`);
  if (!verify("RSA-SHA256", signed, app.publicKey, Buffer.from(encodedSignature, "base64url"))) {
    return invalid(JWT_MESSAGES.undecodable);
  }

  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof claims.iat !== "number" || claims.iat > nowSeconds) return invalid(JWT_MESSAGES.issuedInFuture);
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds) return invalid(JWT_MESSAGES.expired);
  if (claims.exp > nowSeconds + MAX_APP_JWT_LIFETIME_SECONDS) return invalid(JWT_MESSAGES.tooFarInFuture);
  return { valid: true };
}

/** The app's public key from either half of its key pair, as the server options may give either. */
export function appPublicKey(pem: string): KeyObject {
  return createPublicKey(pem.replace(/\\n/g, "\n"));
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function invalid(message: string): JwtVerdict {
  return { valid: false, message };
}
