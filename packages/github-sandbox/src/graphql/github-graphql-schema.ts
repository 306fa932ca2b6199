import { readFile } from "node:fs/promises";
import type { GraphQLError, GraphQLSchema, IntrospectionQuery } from "graphql";

export interface GitHubGraphqlSchema {
  schema: GraphQLSchema;
  /**
   * GitHub's validation of a document: graphql's rules against the published schema, on the
   * document parsed without locations, as `@octokit/graphql-schema`'s `validate` does.
   */
  validate(document: string): ReadonlyArray<GraphQLError>;
}

let loading: Promise<GitHubGraphqlSchema> | undefined;

/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema`'s schema.json), loaded once and
 * only when a first GraphQL request comes (it is large). Read from the file rather than imported:
 * the package's entry parses that JSON twice and builds a schema of its own for its `validate` as
 * it loads, where one parse and one schema serve both.
 */
export function gitHubGraphqlSchema(): Promise<GitHubGraphqlSchema> {
  loading ??= Promise.all([readFile(new URL("schema.json", import.meta.resolve("@octokit/graphql-schema")), "utf8"), import("graphql")]).then(
    ([json, graphql]) => {
      const schema = graphql.buildClientSchema(JSON.parse(json) as IntrospectionQuery);
      return { schema, validate: (document) => graphql.validate(schema, graphql.parse(document, { noLocation: true })) };
    },
  );
  return loading;
}
