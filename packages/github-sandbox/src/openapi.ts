import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import { DEFAULT_API_VERSION, type RestApiVersion } from "./api-versions.js";
import spec20221128 from "./openapi/github-rest.2022-11-28.json" with { type: "json" };
import spec20260310 from "./openapi/github-rest.2026-03-10.json" with { type: "json" };
import type { PrunedOperation, PrunedParameter, PrunedSpec } from "./openapi/pruned-spec.js";
import { GitHubError } from "./route.js";

// Every request the sandbox accepts and every response it sends is checked against GitHub's
// OpenAPI description of the REST API version the request asked for (the pruned copies in
// openapi/github-rest.<version>.json), so that what passes here passes on GitHub. Validators are
// compiled on first use and kept.

const SPECS: Record<RestApiVersion, PrunedSpec> = {
  "2022-11-28": spec20221128 as unknown as PrunedSpec,
  "2026-03-10": spec20260310 as unknown as PrunedSpec,
};
const specId = (version: RestApiVersion) => `github-rest-${version}`;

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

export function findOperation(key: string, version: RestApiVersion = DEFAULT_API_VERSION): PrunedOperation {
  const operation = SPECS[version].operations[key];
  if (!operation) {
    throw new Error(`The pruned OpenAPI description has no operation ${key}: regenerate it with scripts/prune-openapi.ts`);
  }
  return operation;
}

export interface CheckedRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/** The refusal GitHub would send for this request, or undefined when GitHub would accept it. */
export function checkRequest(key: string, request: CheckedRequest, version: RestApiVersion = DEFAULT_API_VERSION): GitHubError | undefined {
  const operation = findOperation(key, version);
  for (const [index, parameter] of operation.parameters.entries()) {
    const raw = parameter.in === "path" ? request.params[parameter.name] : (request.query.get(parameter.name) ?? undefined);
    if (raw === undefined) {
      if (parameter.required) return parameter.in === "path" ? new GitHubError(404, "Not Found") : missingParameter(key, parameter);
      continue;
    }
    const validate = validator(version, key, `parameters/${index}/schema`);
    if (!validate(coerce(raw, parameter.schema))) {
      if (parameter.in === "path") return new GitHubError(404, "Not Found");
      return new GitHubError(422, "Validation Failed", [
        { resource: resourceName(key), field: parameter.name, code: "invalid", message: `${parameter.name}: ${describeErrors(validate.errors)}` },
      ]);
    }
  }
  if (operation.requestBody) {
    if (request.body === undefined) {
      return operation.requestBody.required ? new GitHubError(422, "Invalid request.\n\nNo body was supplied.") : undefined;
    }
    const validate = validator(version, key, "requestBody/schema");
    if (!validate(request.body)) return new GitHubError(422, `Invalid request.\n\n${invalidBodyMessage(validate.errors)}`);
  }
  return undefined;
}

/** Why a response breaks GitHub's description, or undefined when it conforms. */
export function checkResponse(key: string, status: number, body: unknown, version: RestApiVersion = DEFAULT_API_VERSION): string | undefined {
  const operation = findOperation(key, version);
  if (!(String(status) in operation.responses)) {
    return `status ${status} is not documented for ${operation.operationId} (documented: ${Object.keys(operation.responses).join(", ")})`;
  }
  const schema = operation.responses[String(status)];
  if (schema === null) return body === undefined ? undefined : `status ${status} of ${operation.operationId} has no body, but one was sent`;
  const validate = validator(version, key, `responses/${status}`);
  if (validate(body) || onlyAmbiguousOneOf(validate.errors)) return undefined;
  return `${operation.operationId} ${status}: ${describeErrors(validate.errors)}`;
}

/** Refusals GitHub sends on any operation, whether or not its description lists them. */
const GENERIC_REFUSALS = new Set([401, 403, 404, 422]);

/**
 * Why a response of the sandbox breaks GitHub's description, or undefined. A refusal GitHub sends
 * everywhere (401, 403, 404, 422) passes when the operation does not describe its body.
 */
export function sandboxResponseProblem(key: string, status: number, body: unknown, version: RestApiVersion = DEFAULT_API_VERSION): string | undefined {
  const responses = findOperation(key, version).responses;
  if (GENERIC_REFUSALS.has(status) && (responses[String(status)] ?? null) === null) return undefined;
  return checkResponse(key, status, body, version);
}

/**
 * GitHub's description writes `oneOf` where it means `anyOf` (an error body fits both
 * `basic-error` and `repository-rule-violation-error`): a value that fits several is fine.
 */
function onlyAmbiguousOneOf(errors: ErrorObject[] | null | undefined): boolean {
  return (errors ?? []).length > 0 && (errors ?? []).every((error) => error.keyword === "oneOf" && Array.isArray(error.params["passingSchemas"]));
}

function validator(version: RestApiVersion, key: string, pointer: string): ValidateFunction {
  const id = `${version} ${key}#${pointer}`;
  let validate = validators.get(id);
  if (!validate) {
    const path = ["operations", key, ...pointer.split("/")].map((segment) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1")));
    validate = getAjv().compile({ $ref: `${specId(version)}#/${path.join("/")}` });
    validators.set(id, validate);
  }
  return validate;
}

function getAjv(): Ajv {
  if (!ajv) {
    // GitHub's schemas carry keywords JSON Schema does not know (readOnly, discriminator...): not strict.
    // Referenced schemas (#/schemas/issue...) compile once, as functions of their own that every
    // operation's validator calls, rather than inlined into each: the same checks, compiled in a
    // fraction of the time.
    ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false, inlineRefs: false });
    formats.default(ajv);
    for (const [version, spec] of Object.entries(SPECS)) ajv.addSchema(spec as object, specId(version as RestApiVersion));
  }
  return ajv;
}

/** Query and path values arrive as text; the schema says what they mean. */
function coerce(raw: string, schema: unknown): unknown {
  const type = (schema as { type?: unknown }).type;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function missingParameter(key: string, parameter: PrunedParameter): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ resource: resourceName(key), field: parameter.name, code: "missing" }]);
}

/** GitHub names the resource in validation errors: `Search`, `Issue`, `Repository`... */
function resourceName(key: string): string {
  const segment = key.split(" ")[1]?.split("/")[1] ?? "";
  const names: Record<string, string> = { search: "Search", repos: "Repository", orgs: "Organization", users: "User" };
  return names[segment] ?? segment;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => [error.instancePath, error.message ?? "is invalid"].filter(Boolean).join(" ")).join("; ");
}

/** GitHub's wording for a body that breaks the operation's schema. */
function invalidBodyMessage(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return "The request body is invalid.";
  if (error.keyword === "required") return `"${String(error.params["missingProperty"])}" wasn't supplied.`;
  const where = error.instancePath.split("/").filter(Boolean).join("/");
  const at = where === "" ? "the request body" : `'${where}'`;
  if (error.keyword === "type") return `For ${at}, ${JSON.stringify(error.data)} is not ${article(String(error.params["type"]))}.`;
  if (error.keyword === "enum") {
    return `For ${at}, ${JSON.stringify(error.data)} is not a member of ${JSON.stringify(error.params["allowedValues"])}.`;
  }
  return `For ${at}, ${JSON.stringify(error.data)} ${error.message ?? "is invalid"}.`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
