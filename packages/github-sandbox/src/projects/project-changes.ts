import { nodeId } from "../create-state.js";
import type { ProjectItemEvent } from "../events.js";
import { githubTimestamp } from "../route.js";
import { takeIssueNumber } from "../routes/issues.js";
import { repoKey, takeId, type ProjectItemRecord, type ProjectRecord, type SandboxState } from "../state.js";

// What a person does on a project's board (GitHub does it through GraphQL mutations, which the
// sandbox does not answer): add an item, set a field, archive, restore, delete, convert a draft.
// Each returns the events GitHub sends, or a message saying what is wrong.

export interface ProjectItemChange {
  /** `owner/repo#number`, or `{ draft: title }`: for a new item. */
  content?: string | { draft: string };
  /** Field name → option or text; null clears it. */
  fields?: Record<string, string | null>;
  archived?: boolean;
  /** Converts a draft issue into an issue of this repository (`owner/name`). */
  convertTo?: string;
}

type Changed = Omit<ProjectItemEvent, "name" | "project" | "actor" | "at">;

export function addProjectItem(state: SandboxState, project: ProjectRecord, change: ProjectItemChange, actor: string, at: Date): Changed[] | string {
  const content = change.content;
  if (content === undefined) return "content: `owner/repo#number` or `{ draft: title }`";
  const id = takeId(state);
  let itemContent: ProjectItemRecord["content"];
  if (typeof content === "string") {
    const [repo = "", number = ""] = content.split("#");
    const [owner = "", name = ""] = repo.split("/");
    if (!state.repos.get(repoKey(owner, name))?.issues.has(Number(number))) return `content: ${content} is not an issue or pull request of the sandbox`;
    itemContent = { kind: "issue", repo, number: Number(number) };
  } else itemContent = { kind: "draft", nodeId: nodeId("DI", id), title: content.draft, body: "" };
  const when = githubTimestamp(at);
  const item: ProjectItemRecord = { id, nodeId: nodeId("PVTI", id), content: itemContent, values: new Map(), archivedAt: null, creator: actor, createdAt: when, updatedAt: when };
  project.items.push(item);
  const events: Changed[] = [{ action: "created", item: structuredClone(item) }];
  const edited = changeProjectItem(state, project, item, { fields: change.fields ?? {} }, at);
  return typeof edited === "string" ? edited : [...events, ...edited];
}

export function changeProjectItem(state: SandboxState, project: ProjectRecord, item: ProjectItemRecord, change: ProjectItemChange, at: Date): Changed[] | string {
  const when = githubTimestamp(at);
  const events: Changed[] = [];
  for (const [name, value] of Object.entries(change.fields ?? {})) {
    const field = project.fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!field) return `fields.${name}: the project has no such field`;
    const option = field.options.find((candidate) => candidate.name === value);
    if (field.dataType === "SINGLE_SELECT" && value !== null && !option) return `fields.${name}: ${value} is not one of its options`;
    const key = field.name.toLowerCase();
    const from = item.values.get(key) ?? null;
    if (value === null) item.values.delete(key);
    else item.values.set(key, value);
    item.updatedAt = when;
    const asValue = (text: string | null) =>
      text === null || field.dataType !== "SINGLE_SELECT" ? (field.dataType === "NUMBER" && text !== null ? Number(text) : text) : optionJson(field.options.find((candidate) => candidate.name === text), text);
    events.push({
      action: "edited",
      item: structuredClone(item),
      // GitHub's description of the payload has no null in `from` and `to`' choices: an empty side is left out.
      changes: {
        field_value: {
          field_node_id: field.nodeId,
          field_type: field.dataType.toLowerCase(),
          field_name: field.name,
          project_number: project.number,
          ...(from !== null && { from: asValue(from) }),
          ...(value !== null && { to: asValue(value) }),
        },
      },
    });
  }
  if (change.archived !== undefined && change.archived !== (item.archivedAt !== null)) {
    const from = item.archivedAt;
    item.archivedAt = change.archived ? when : null;
    item.updatedAt = when;
    events.push({ action: change.archived ? "archived" : "restored", item: structuredClone(item), changes: { archived_at: { from, to: item.archivedAt } } });
  }
  if (change.convertTo !== undefined) {
    const converted = convertDraft(state, item, change.convertTo, when);
    if (typeof converted === "string") return converted;
    events.push(converted);
  }
  return events;
}

export function deleteProjectItem(project: ProjectRecord, item: ProjectItemRecord): Changed[] {
  project.items = project.items.filter((candidate) => candidate !== item);
  return [{ action: "deleted", item: structuredClone(item) }];
}

function convertDraft(state: SandboxState, item: ProjectItemRecord, to: string, when: string): Changed | string {
  if (item.content.kind !== "draft") return "convertTo: only a draft issue can be converted";
  const [owner = "", name = ""] = to.split("/");
  const repo = state.repos.get(repoKey(owner, name));
  if (!repo) return `convertTo: ${to} is not a repository of the sandbox`;
  const id = takeId(state);
  const number = takeIssueNumber(repo);
  repo.issues.set(number, {
    id, nodeId: nodeId("I", id), number, title: item.content.title, body: item.content.body, author: item.creator || null, state: "open", stateReason: null,
    labels: [], assignees: [], locked: false, activeLockReason: null, createdAt: when, updatedAt: when, closedAt: null, extraCommentCount: 0, comments: [], reactions: [],
  });
  item.content = { kind: "issue", repo: `${repo.owner}/${repo.name}`, number };
  item.updatedAt = when;
  return { action: "converted", item: structuredClone(item), changes: { content_type: { from: "DraftIssue", to: "Issue" } } };
}

function optionJson(option: { id: string; name: string } | undefined, name: string) {
  return { id: option?.id ?? "", name, color: "GRAY", description: "" };
}
