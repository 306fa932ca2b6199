import { statusOf } from "../github.js";

/** Whether GitHub refused a GraphQL read for the installation's permissions ("Resource not accessible by integration"). */
export function refusedForPermission(error: unknown): boolean {
  if (statusOf(error) === 403) return true;
  const errors = (error as { errors?: { type?: string }[] }).errors;
  return Array.isArray(errors) && errors.some((each) => each.type === "FORBIDDEN");
}
