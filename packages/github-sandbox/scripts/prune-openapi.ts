// Regenerates src/openapi/github-rest.<version>.json, one for each REST API version the sandbox
// answers: the operations the sandbox implements, cut from the pinned @octokit/openapi description
// of api.github.com (a 385 MB development dependency that must not be needed at run time), with the
// breaking changes of the versions up to that one applied. Descriptions and examples are dropped;
// schemas keep their $refs, reduced to the ones those operations reach.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { REST_API_VERSIONS } from "../src/api-versions.js";
import { appOperations } from "../src/app-auth/app-routes.js";
import { routes } from "../src/routes/index.js";
import type { PrunedOperation, PrunedSpec } from "../src/openapi/pruned-spec.js";
import { applyBreakingChanges } from "./breaking-changes.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Relative to the package root, where npm runs scripts (the compiled script lives elsewhere). */
const prunedSpecFile = (version: string) => `src/openapi/github-rest.${version}.json`;

/** The pinned description as of REST API `version`, with the inaccuracies below corrected to what GitHub answers. */
export function readPinnedSpec(version: string): JsonObject {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = applyBreakingChanges(JSON.parse(readFileSync(file, "utf8")) as JsonObject, version);
  for (const correct of KNOWN_INACCURACIES) correct(asObject(asObject(spec["components"], "components")["schemas"], "components.schemas"));
  return spec;
}

/**
 * Places where the published description and GitHub's answers differ, each reported upstream:
 * the sandbox answers as GitHub does, so its description must allow it.
 */
const KNOWN_INACCURACIES: ((schemas: JsonObject) => void)[] = [
  // github/rest-api-description#1812: a label without a description is listed with `"description": null`.
  (schemas) => {
    const labels = asObject(asObject(asObject(schemas["pull-request-simple"], "pull-request-simple")["properties"], "properties")["labels"], "labels");
    const description = asObject(asObject(asObject(labels["items"], "labels.items")["properties"], "properties")["description"], "description");
    description["nullable"] = true;
  },
];

/** The engine's routes and the app endpoints the server answers itself. */
export function implementedOperations(): string[] {
  return [...new Set([...routes.map((route) => `${route.method} ${route.path}`), ...appOperations])].sort();
}

export function pruneOpenApi(spec: JsonObject, operations: string[], version: string): PrunedSpec {
  const components = asObject(spec["components"], "components");
  const pinnedVersion = asObject(spec["info"], "info")["version"];
  const reachedSchemas = new Set<string>();
  const rewrite = (schema: Json): Json => pruneSchema(schema, reachedSchemas);

  const prunedOperations: Record<string, PrunedOperation> = {};
  for (const key of operations) {
    const [method = "", path = ""] = key.split(" ");
    const pathItem = asObject(asObject(spec["paths"], "paths")[path], `paths.${path}`);
    const operation = asObject(pathItem[method.toLowerCase()], `paths.${path}.${method.toLowerCase()}`);
    const parameters = [...asArray(pathItem["parameters"] ?? []), ...asArray(operation["parameters"] ?? [])].map((parameter) => {
      const resolved = asObject(resolve(components, parameter), "parameter");
      return {
        name: String(resolved["name"]),
        in: String(resolved["in"]) as "path" | "query" | "header",
        required: resolved["required"] === true,
        schema: rewrite(resolved["schema"] ?? {}),
      };
    });
    const body = operation["requestBody"] ? asObject(resolve(components, operation["requestBody"]), "requestBody") : undefined;
    const responses: Record<string, Json> = {};
    for (const [status, response] of Object.entries(asObject(operation["responses"], "responses"))) {
      responses[status] = jsonSchemaOf(components, asObject(resolve(components, response), "response"), rewrite);
    }
    prunedOperations[key] = {
      operationId: String(operation["operationId"]),
      documentationUrl: String(asObject(operation["externalDocs"] ?? { url: "" }, "externalDocs")["url"]),
      parameters: parameters.flatMap((parameter) => (parameter.in === "header" ? [] : [{ ...parameter, in: parameter.in }])),
      ...(body ? { requestBody: { required: body["required"] === true, schema: jsonSchemaOf(components, body, rewrite) } } : {}),
      responses,
    };
  }

  // Schemas reach further schemas: keep pruning until no new name appears.
  const schemas: Record<string, Json> = {};
  const allSchemas = asObject(components["schemas"], "components.schemas");
  let pending = [...reachedSchemas];
  while (pending.length > 0) {
    for (const name of pending) schemas[name] = rewrite(allSchemas[name] ?? null);
    pending = [...reachedSchemas].filter((name) => !(name in schemas));
  }
  return {
    source: `@octokit/openapi ${String(pinnedVersion)}, generated/api.github.com.json, REST API version ${version}`,
    apiVersion: version,
    operations: prunedOperations,
    schemas: Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, schemas[name] ?? null])),
  };
}

const ANNOTATIONS = new Set(["description", "example", "examples", "title", "externalDocs", "discriminator", "deprecated", "x-github", "x-octokit"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);

function pruneSchema(schema: Json, reached: Set<string>): Json {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (key === "$ref" && typeof value === "string") {
      const name = value.replace("#/components/schemas/", "");
      reached.add(name);
      result[key] = `#/schemas/${name}`;
    } else if (SCHEMA_MAPS.has(key)) {
      result[key] = Object.fromEntries(Object.entries(asObject(value, key)).map(([name, child]) => [name, pruneSchema(child, reached)]));
    } else if (SCHEMA_VALUES.has(key)) {
      result[key] = pruneSchema(value, reached);
    } else if (SCHEMA_LISTS.has(key)) {
      result[key] = asArray(value).map((child) => pruneSchema(child, reached));
    } else {
      result[key] = value;
    }
  }
  return schema["nullable"] === true ? allowNull(result) : result;
}

/** OpenAPI 3.0's `nullable: true` in plain JSON Schema: null joins the types and the enum. */
function allowNull(schema: JsonObject): JsonObject {
  if (typeof schema["type"] !== "string") return { anyOf: [schema, { type: "null" }] };
  const result: JsonObject = { ...schema, type: [schema["type"], "null"] };
  if (Array.isArray(schema["enum"]) && !schema["enum"].includes(null)) result["enum"] = [...schema["enum"], null];
  return result;
}

/** The JSON schema of a response or request body: its `application/json` media type, else any JSON one; null for no body. */
function jsonSchemaOf(components: JsonObject, holder: JsonObject, rewrite: (schema: Json) => Json): Json {
  const content = holder["content"] ? asObject(holder["content"], "content") : {};
  const mediaType = content["application/json"] ?? Object.entries(content).find(([type]) => type.includes("json"))?.[1];
  if (!mediaType) return null;
  return rewrite(resolve(components, asObject(mediaType, "media type")["schema"] ?? {}));
}

/** Resolves `#/components/{parameters,responses,requestBodies}/...` references; schema references stay. */
function resolve(components: JsonObject, value: Json): Json {
  if (value && typeof value === "object" && !Array.isArray(value) && typeof value["$ref"] === "string") {
    const [section = "", name = ""] = value["$ref"].replace("#/components/", "").split("/");
    if (section !== "schemas") return resolve(components, asObject(components[section], section)[name] ?? null);
  }
  return value;
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (value && typeof value === "object" && !Array.isArray(value)) return value;
  throw new Error(`Expected an object at ${where} of the OpenAPI description`);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

export function serializePrunedSpec(spec: PrunedSpec): string {
  return `${JSON.stringify(spec, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const version of REST_API_VERSIONS) {
    const pruned = pruneOpenApi(readPinnedSpec(version), implementedOperations(), version);
    writeFileSync(prunedSpecFile(version), serializePrunedSpec(pruned));
    console.log(`${version}: wrote ${Object.keys(pruned.operations).length} operations and ${Object.keys(pruned.schemas).length} schemas`);
  }
}
