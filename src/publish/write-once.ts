import { randomUUID } from "node:crypto";
import { statusOf } from "../github.js";

/**
 * Request options that keep @octokit/plugin-retry from sending a write again: a `POST` that
 * answered 502 (or whose answer was lost) may have taken effect, and a blind re-send would
 * comment, create or commit twice.
 */
export const NOT_RETRIED = { retries: 0 } as const;

/**
 * A write GitHub does not make idempotent, done once: `write` is sent (with `NOT_RETRIED`); when
 * its outcome is unknown (a 5xx or a network error) `find` looks for its effect, and only when
 * there is none is it sent once more. Other errors (4xx) are GitHub's answer and are thrown.
 */
export async function writeOnce<T>(write: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const found = await find();
    if (found !== undefined) return found;
    return write();
  }
}

/** A failure after which the request may or may not have taken effect. */
function outcomeUnknown(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/** A hidden id for the body of a comment or issue, by which its creation is recognised later. */
export function withWriteId(body: string, id: string = randomUUID()): { body: string; id: string } {
  return { body: `${body}\n\n<!-- agenda-drafter:write ${id} -->`, id };
}
