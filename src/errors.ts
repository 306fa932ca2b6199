/**
 * A problem a user caused and can fix (bad config, unknown meeting, a date that is not an
 * occurrence). Its message is written for that user; callers show it where they will see it.
 */
export class UserError extends Error {
  override name = "UserError";
}

const OCCURRENCE = Symbol("agenda-drafter occurrence");

/**
 * Runs work for one occurrence; an error it throws carries the occurrence's key, so that the one
 * log line of the failure can name it. The error itself is rethrown unchanged otherwise (its
 * status, its headers), as retries and their delays read them.
 */
export async function forOccurrence<T>(occurrenceKey: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (typeof error === "object" && error !== null && !(OCCURRENCE in error)) {
      Object.defineProperty(error, OCCURRENCE, { value: occurrenceKey, enumerable: false });
    }
    throw error;
  }
}

/** The occurrence a failure happened for, when `forOccurrence` knew it. */
export function occurrenceOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const key = (error as Record<symbol, unknown>)[OCCURRENCE];
  return typeof key === "string" ? key : undefined;
}
