// GitHub publishes one description of api.github.com, of its first REST API version (2022-11-28);
// each later version is that description with the `x-github-breaking-changes` patches of the
// versions up to it applied, where they stand. This file applies them.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface BreakingChange {
  changeset: string;
  version: string;
  /** A JSON merge patch (RFC 7386) as an object, or a JSON patch (RFC 6902) as a list of operations. */
  patch: Json;
}

const BREAKING_CHANGES = "x-github-breaking-changes";

/**
 * `spec` as of `version`: every breaking change of a version up to it applied where it is declared,
 * in the order listed. A response field a change removes becomes the schema `false` rather than
 * disappearing, so that an answer still carrying it breaks the description; removed request
 * fields simply go. The markers themselves are dropped.
 */
export function applyBreakingChanges(spec: JsonObject, version: string): JsonObject {
  visit(spec, version, []);
  return spec;
}

function visit(node: Json, version: string, path: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => visit(child, version, [...path, String(index)]));
    return;
  }
  if (node === null || typeof node !== "object") return;
  const changes = node[BREAKING_CHANGES];
  if (changes !== undefined) {
    delete node[BREAKING_CHANGES];
    for (const change of changes as unknown as BreakingChange[]) {
      if (change.version > version) continue;
      const removed = path.includes("requestBody") ? undefined : false;
      if (Array.isArray(change.patch)) applyJsonPatch(node, change.patch, removed);
      else mergePatch(node, asObject(change.patch), removed);
    }
  }
  for (const [key, child] of Object.entries(node)) visit(child, version, [...path, key]);
}

/** RFC 7386, except that a property removed from a `properties` map becomes `removed` when one is given. */
function mergePatch(target: JsonObject, patch: JsonObject, removed: false | undefined, parentKey?: string): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (parentKey === "properties" && removed !== undefined) target[key] = removed;
      else delete target[key];
    } else if (typeof value === "object" && !Array.isArray(value) && isObject(target[key])) {
      mergePatch(target[key] as JsonObject, value, key === "requestBody" ? undefined : removed, key);
    } else {
      target[key] = value;
    }
  }
}

/** RFC 6902's `add`, `remove` and `replace`, the operations GitHub's patches use. */
function applyJsonPatch(target: JsonObject, operations: Json[], removed: false | undefined): void {
  for (const operation of operations.map(asObject)) {
    const segments = String(operation["path"]).split("/").slice(1).map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = segments.pop() ?? "";
    const dropped = segments.includes("requestBody") ? undefined : removed;
    const parent = segments.reduce<Json>((node, segment) => (Array.isArray(node) ? node[Number(segment)] : asObject(node)[segment]) ?? null, target);
    const op = String(operation["op"]);
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (op === "remove") parent.splice(index, 1);
      else if (op === "add") parent.splice(index, 0, operation["value"] ?? null);
      else if (op === "replace") parent[index] = operation["value"] ?? null;
      else throw new Error(`Unsupported JSON patch operation ${op}`);
    } else if (op === "remove") {
      if (segments.at(-1) === "properties" && dropped !== undefined) asObject(parent)[last] = dropped;
      else delete asObject(parent)[last];
    } else if (op === "add" || op === "replace") {
      asObject(parent)[last] = operation["value"] ?? null;
    } else {
      throw new Error(`Unsupported JSON patch operation ${op}`);
    }
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asObject(value: Json | undefined): JsonObject {
  if (isObject(value)) return value;
  throw new Error("Expected an object in a breaking change of the OpenAPI description");
}
