/** `["meetings", "security-wg", "standing_items", 0, "url"]` → `meetings.security-wg.standing_items[0].url`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`))
    .join("");
}
