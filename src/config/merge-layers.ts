import type { RawMeeting } from "./schema.js";

/** Keys whose value is one choice, replaced as a whole: `orgs` from defaults plus `repos` from a meeting would be an error. */
const REPLACED_WHOLE = new Set(["scope"]);

/**
 * Lays meeting config layers over each other, later layers winning: mappings merge key by key,
 * lists and other values are replaced.
 */
export function mergeLayers(...layers: Array<RawMeeting | undefined>): RawMeeting {
  return layers.reduce<RawMeeting>((merged, layer) => (layer ? mergeMappings(merged, layer, 0) : merged), {});
}

function mergeMappings(base: object, override: object, depth: number): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] =
      isMapping(current) && isMapping(value) && !(depth === 0 && REPLACED_WHOLE.has(key))
        ? mergeMappings(current, value, depth + 1)
        : value;
  }
  return merged;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
