import { findProject } from "../projects/create-projects.js";
import { addProjectItem, changeProjectItem, deleteProjectItem, type ProjectItemChange } from "../projects/project-changes.js";
import type { Sandbox } from "../sandbox.js";

// `POST /projects/{owner}/{number}/items` `{ content: "owner/repo#n" | { draft }, fields?, sender? }`,
// `PATCH /projects/{owner}/{number}/items/{item id}` `{ fields?, archived?, convertTo?, sender? }` and
// `DELETE` of the same: what a person does on a project's board, with GitHub's `projects_v2_item` webhooks.

const PROJECT_PATH = /^\/projects\/([^/]+)\/(\d+)\/items(?:\/(\d+))?$/;

export function answerProjectControl(method: string, path: string, sandbox: Sandbox, body: Record<string, unknown>): Response | undefined {
  const match = PROJECT_PATH.exec(path);
  if (!match) return undefined;
  const [, owner = "", number = "", itemId] = match;
  const project = findProject(sandbox.state, owner, Number(number));
  if (!project) return Response.json({ message: `${owner} has no project ${number}` }, { status: 404 });
  const item = itemId === undefined ? undefined : project.items.find((candidate) => candidate.id === Number(itemId));
  if (itemId !== undefined && !item) return Response.json({ message: `project ${owner}/${number} has no item ${itemId}` }, { status: 404 });
  const actor = typeof body["sender"] === "string" ? body["sender"] : ([...(sandbox.state.orgs.get(owner.toLowerCase())?.owners ?? [])][0] ?? owner);
  const change = body as ProjectItemChange;
  const now = sandbox.clock.now();
  const outcome =
    method === "POST" && !item ? addProjectItem(sandbox.state, project, change, actor, now)
    : method === "PATCH" && item ? changeProjectItem(sandbox.state, project, item, change, now)
    : method === "DELETE" && item ? deleteProjectItem(project, item)
    : `No sandbox control endpoint ${method} ${path}`;
  if (typeof outcome === "string") return Response.json({ message: outcome }, { status: 400 });
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const event of outcome) sandbox.emitChange({ name: "projects_v2_item", project, actor, at, ...event });
  return Response.json({ id: outcome[0]?.item.id ?? item?.id, node_id: outcome[0]?.item.nodeId ?? item?.nodeId });
}
