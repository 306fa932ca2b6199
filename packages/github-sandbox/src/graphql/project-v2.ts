import { canRead } from "../access.js";
import { findProject } from "../projects/create-projects.js";
import { repoKey, type ProjectFieldRecord, type ProjectItemRecord, type ProjectRecord } from "../state.js";
import { connection, type ConnectionArgs } from "./connection.js";
import { GraphqlNotFound, issueNode, type GraphqlContext } from "./nodes.js";

// Projects (v2) as GitHub's GraphQL answers them: `projectV2(number:)` of an organization, its
// fields by name, and its items with their content and field values. A private project is seen
// only by the organization's members and by an installation on the organization (GitHub: with
// `organization_projects` read); anyone else gets the same NOT_FOUND as for a number that does
// not exist. An item whose repository the reader cannot see is REDACTED, with no content.

/** `projectV2(number:)` of `owner`, or GitHub's NOT_FOUND error. */
export function projectV2Node(context: GraphqlContext, owner: string, number: number) {
  const project = findProject(context.state, owner, number);
  if (!project || !canSeeProject(context, project)) throw new GraphqlNotFound(`Could not resolve to a ProjectV2 with the number ${number}.`);
  const path = `/orgs/${project.owner}/projects/${project.number}`;
  return {
    __typename: "ProjectV2",
    id: project.nodeId,
    number: project.number,
    title: project.title,
    public: project.public,
    closed: project.closed,
    createdAt: project.createdAt,
    url: `${context.urls.web}${path}`,
    resourcePath: path,
    field: ({ name }: { name: string }) => {
      const field = fieldNamed(project, name);
      return field ? fieldNode(project, field) : null;
    },
    fields: (args: ConnectionArgs) => connection(project.fields.map((field) => fieldNode(project, field)), args, "fields"),
    items: (args: ConnectionArgs) => connection(project.items.map((item) => itemNode(context, project, item)), args, "items"),
  };
}

function canSeeProject(context: GraphqlContext, project: ProjectRecord): boolean {
  if (project.public) return true;
  const owner = project.owner.toLowerCase();
  if (context.actor.kind === "installation") return context.actor.installations.some((installation) => installation.account.toLowerCase() === owner);
  return context.state.orgs.get(owner)?.members.has(context.actor.login.toLowerCase()) ?? false;
}

function fieldNamed(project: ProjectRecord, name: string): ProjectFieldRecord | undefined {
  return project.fields.find((field) => field.name.toLowerCase() === name.toLowerCase());
}

function fieldNode(project: ProjectRecord, field: ProjectFieldRecord) {
  const common = { id: field.nodeId, databaseId: field.id, name: field.name, dataType: field.dataType, createdAt: project.createdAt, updatedAt: project.createdAt };
  if (field.dataType !== "SINGLE_SELECT") return { __typename: "ProjectV2Field", ...common };
  return {
    __typename: "ProjectV2SingleSelectField",
    ...common,
    options: ({ names }: { names?: string[] | null }) =>
      field.options
        .filter((option) => !names || names.includes(option.name))
        .map((option) => ({ id: option.id, name: option.name, nameHTML: option.name, description: "", descriptionHTML: "", color: "GRAY" })),
  };
}

function itemNode(context: GraphqlContext, project: ProjectRecord, item: ProjectItemRecord) {
  const content = itemContent(context, item);
  return {
    __typename: "ProjectV2Item",
    id: item.nodeId,
    databaseId: item.id,
    isArchived: item.archivedAt !== null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    type: content === null ? "REDACTED" : content.__typename === "DraftIssue" ? "DRAFT_ISSUE" : content.__typename === "PullRequest" ? "PULL_REQUEST" : "ISSUE",
    content,
    fieldValueByName: ({ name }: { name: string }) => {
      const field = fieldNamed(project, name);
      const value = field ? item.values.get(field.name.toLowerCase()) : undefined;
      if (!field || value === undefined) return null;
      const common = { id: `${item.nodeId}:${field.id}`, field: fieldNode(project, field), createdAt: item.updatedAt, updatedAt: item.updatedAt };
      if (field.dataType === "TEXT") return { __typename: "ProjectV2ItemFieldTextValue", ...common, text: value };
      if (field.dataType === "NUMBER") return { __typename: "ProjectV2ItemFieldNumberValue", ...common, number: Number(value) };
      if (field.dataType === "DATE") return { __typename: "ProjectV2ItemFieldDateValue", ...common, date: value };
      const option = field.options.find((candidate) => candidate.name === value);
      return { __typename: "ProjectV2ItemFieldSingleSelectValue", ...common, name: value, nameHTML: value, optionId: option?.id ?? null, color: "GRAY" };
    },
  };
}

function itemContent(context: GraphqlContext, item: ProjectItemRecord) {
  if (item.content.kind === "draft") {
    const { nodeId, title, body } = item.content;
    return { __typename: "DraftIssue", id: nodeId, title, body, bodyText: body, createdAt: item.createdAt, updatedAt: item.updatedAt };
  }
  const [owner = "", name = ""] = item.content.repo.split("/");
  const repo = context.state.repos.get(repoKey(owner, name));
  const issue = repo?.issues.get(item.content.number);
  if (!repo || !issue || !canRead(context.state, context.actor, repo)) return null;
  return issueNode(repo, issue, context);
}
