import { execute, GraphQLError, type GraphQLFieldResolver, type GraphQLFormattedError } from "graphql";
import { gitHubGraphqlSchema } from "./github-graphql-schema.js";
import { GraphqlForbidden, GraphqlNotFound, type GraphqlContext } from "./nodes.js";
import { labelMutations } from "./label-mutations.js";
import { pinMutations } from "./pin-mutations.js";
import { rootFields } from "./root-fields.js";

interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Answers a GraphQL request as GitHub does: every document is checked against GitHub's published
 * schema first, and problems in it or in resolving it come back as `errors` with status 200.
 */
export async function answerGraphql(body: string, context: GraphqlContext): Promise<Response> {
  const request = readRequest(body);
  if (request instanceof Response) return request;

  const { schema, check } = await gitHubGraphqlSchema();
  const checked = check(request.query);
  if ("errors" in checked) return Response.json({ errors: checked.errors });
  const { document } = checked;
  const operations = document.definitions.flatMap((definition) =>
    definition.kind === "OperationDefinition" && (request.operationName === undefined || definition.name?.value === request.operationName) ? [definition.operation] : [],
  );
  if (operations.some((operation) => operation === "subscription")) {
    return Response.json({ errors: [{ message: "The sandbox answers queries and mutations only." }] });
  }

  const result = await execute({
    schema,
    document,
    // A mutation's fields are those the sandbox implements (pin-mutations.ts, label-mutations.ts); any other fails loudly.
    rootValue: operations[0] === "mutation" ? { ...pinMutations(context), ...labelMutations(context) } : rootFields(context),
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver: implementedFieldsOnly,
  });
  return Response.json({
    ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
    data: result.data ?? null,
  });
}

function readRequest(body: string): GraphqlRequest | Response {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return Response.json({ message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" }, { status: 400 });
  }
  const request = value as Partial<GraphqlRequest> | null;
  if (typeof request?.query !== "string") {
    return Response.json({ errors: [{ message: "A query attribute must be specified and must be a string." }] });
  }
  return request as GraphqlRequest;
}

/**
 * graphql-js's default resolution (a value, or a function of the arguments), except that a field
 * the sandbox does not model fails loudly instead of answering null.
 */
const implementedFieldsOnly: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  const record = source as Record<string, unknown>;
  if (!(info.fieldName in record)) {
    throw new GraphQLError(`The sandbox does not implement ${info.parentType.name}.${info.fieldName}.`);
  }
  const value = record[info.fieldName];
  return typeof value === "function" ? (value as (args: unknown) => unknown)(args) : value;
};

function formatError(error: GraphQLError): GraphQLFormattedError & { type?: string } {
  const formatted = error.toJSON();
  if (error.originalError instanceof GraphqlNotFound) return { type: "NOT_FOUND", ...formatted };
  if (error.originalError instanceof GraphqlForbidden) return { type: "FORBIDDEN", ...formatted, extensions: { saml_failure: false } };
  return formatted;
}
