import { MAX_TITLE_LENGTH } from "../github.js";

/** A title GitHub accepts: one longer than its 256 characters is cut, with an ellipsis. */
export function cutTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const kept = title.slice(0, MAX_TITLE_LENGTH - 1);
  // Never half of a character outside the Basic Multilingual Plane.
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}
