import { readFile } from "node:fs/promises";
import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, IntrospectionQuery } from "graphql";

export type CheckedDocument = { document: DocumentNode } | { errors: GraphQLFormattedError[] };

export interface GitHubGraphqlSchema {
  schema: GraphQLSchema;
  /**
   * A document as GitHub checks it: parsed (a syntax error located), then validated by graphql's
   * rules against the published schema, on the document parsed without locations, as
   * `@octokit/graphql-schema`'s `validate` does.
   */
  check(query: string): CheckedDocument;
}

/**
 * Documents checked lately, with their outcome. A client sends the same few documents again and
 * again (the pages of a listing differ in their variables only), and checking one against
 * GitHub's schema costs milliseconds of the machine the app under test runs on.
 */
const REMEMBERED_DOCUMENTS = 100;

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
      const checked = new Map<string, CheckedDocument>();
      const checkAnew = (query: string): CheckedDocument => {
        let document: DocumentNode;
        try {
          document = graphql.parse(query);
        } catch (error) {
          return { errors: [(error as GraphQLError).toJSON()] };
        }
        const invalid = graphql.validate(schema, graphql.parse(query, { noLocation: true }));
        return invalid.length > 0 ? { errors: invalid.map((error) => error.toJSON()) } : { document };
      };
      const check = (query: string): CheckedDocument => {
        const outcome = checked.get(query) ?? checkAnew(query);
        checked.delete(query);
        checked.set(query, outcome);
        if (checked.size > REMEMBERED_DOCUMENTS) checked.delete(checked.keys().next().value as string);
        return outcome;
      };
      return { schema, check };
    },
  );
  return loading;
}
