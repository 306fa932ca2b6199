import type { GraphQLError, GraphQLSchema, IntrospectionQuery } from "graphql";

export interface GitHubGraphqlSchema {
  schema: GraphQLSchema;
  /** GitHub's validation of a document, as `@octokit/graphql-schema` publishes it. */
  validate(document: string): ReadonlyArray<GraphQLError>;
}

let loading: Promise<GitHubGraphqlSchema> | undefined;

/** GitHub's published GraphQL schema, loaded once and only when a first GraphQL request comes (it is large). */
export function gitHubGraphqlSchema(): Promise<GitHubGraphqlSchema> {
  loading ??= Promise.all([import("@octokit/graphql-schema"), import("graphql")]).then(([published, graphql]) => {
    return {
      schema: graphql.buildClientSchema(published.schema.json as IntrospectionQuery),
      validate: published.validate,
    };
  });
  return loading;
}
