import { withoutNotFound, type GitHub } from "../github.js";
import type { ProjectSource } from "../model.js";

// What the config check needs to know of a `sources.project`: whether its owner and board exist
// (for the app), whether the board is public, its address, and its field's kind and options.

const PROJECT_FIELD_QUERY = `query ($owner: String!, $number: Int!, $field: String!) {
  repositoryOwner(login: $owner) {
    __typename
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        public
        url
        field(name: $field) {
          __typename
          ... on ProjectV2SingleSelectField { name options { name } }
          ... on ProjectV2Field { name dataType }
          ... on ProjectV2IterationField { name }
        }
      }
    }
  }
}`;

export type ProjectField =
  | { kind: "no-owner" }
  | { kind: "no-project" }
  | { kind: "found"; public: boolean; url: string; field: { kind: "single-select"; name: string; options: string[] } | { kind: "text"; name: string } | { kind: "other"; name: string; type: string } | null };

interface Answer {
  repositoryOwner?: {
    __typename: string;
    projectV2?: {
      public: boolean;
      url: string;
      field: { __typename: string; name: string; dataType?: string; options?: { name: string }[] } | null;
    } | null;
  } | null;
}

export async function readProjectField(octokit: GitHub, source: ProjectSource): Promise<ProjectField> {
  const data = await withoutNotFound(octokit.graphql<Answer>(PROJECT_FIELD_QUERY, { owner: source.owner, number: source.number, field: source.field }));
  if (!data.repositoryOwner) return { kind: "no-owner" };
  const project = data.repositoryOwner.projectV2;
  if (!project) return { kind: "no-project" };
  const field = project.field;
  if (!field) return { kind: "found", public: project.public, url: project.url, field: null };
  if (field.__typename === "ProjectV2SingleSelectField") return { kind: "found", public: project.public, url: project.url, field: { kind: "single-select", name: field.name, options: (field.options ?? []).map((option) => option.name) } };
  if (field.__typename === "ProjectV2Field" && field.dataType === "TEXT") return { kind: "found", public: project.public, url: project.url, field: { kind: "text", name: field.name } };
  const type = field.__typename === "ProjectV2IterationField" ? "iteration" : (field.dataType ?? "other").toLowerCase().replaceAll("_", " ");
  return { kind: "found", public: project.public, url: project.url, field: { kind: "other", name: field.name, type } };
}
