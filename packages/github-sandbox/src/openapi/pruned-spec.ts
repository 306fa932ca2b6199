// The shape of github-rest.<version>.json, the part of GitHub's OpenAPI description the sandbox checks
// against. scripts/prune-openapi.ts writes it.

export interface PrunedParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: unknown;
}

export interface PrunedOperation {
  operationId: string;
  documentationUrl: string;
  parameters: PrunedParameter[];
  requestBody?: { required: boolean; schema: unknown };
  /** Status → JSON schema of the body, or null when the response has none. */
  responses: Record<string, unknown>;
}

export interface PrunedSpec {
  source: string;
  /** The REST API version it describes (`X-GitHub-Api-Version`). */
  apiVersion: string;
  /** Keyed by `METHOD /path/{template}`. */
  operations: Record<string, PrunedOperation>;
  /** Schemas referenced as `#/schemas/<name>`. */
  schemas: Record<string, unknown>;
}
