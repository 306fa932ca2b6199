/**
 * Whether GitHub refused a GraphQL read for the installation's permissions ("Resource not
 * accessible by integration", a FORBIDDEN error in a 200 answer). An HTTP 403 is no such answer:
 * a secondary rate limit, say, which must fail the read to be tried again.
 */
export function refusedForPermission(error: unknown): boolean {
  const errors = (error as { errors?: { type?: string }[] }).errors;
  return Array.isArray(errors) && errors.some((each) => each.type === "FORBIDDEN");
}
