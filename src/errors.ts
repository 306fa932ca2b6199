/**
 * A problem a user caused and can fix (bad config, unknown meeting, a date that is not an
 * occurrence). Its message is written for that user; callers show it where they will see it.
 */
export class UserError extends Error {
  override name = "UserError";
}
