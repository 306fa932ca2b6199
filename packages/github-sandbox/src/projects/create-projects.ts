import { nodeId } from "../create-state.js";
import { takeId, type ProjectRecord, type SandboxState } from "../state.js";
import type { SnapshotProject } from "./project-snapshot.js";

/** An organization's projects of the snapshot, as records; timestamps are the repositories' "long ago". */
export function createProjects(state: SandboxState, owner: string, projects: SnapshotProject[], at: string): void {
  for (const project of projects) {
    const id = takeId(state);
    const record: ProjectRecord = {
      id,
      nodeId: nodeId("PVT", id),
      owner,
      number: project.number,
      title: project.title,
      public: project.public,
      closed: project.closed,
      createdAt: at,
      fields: [],
      items: [],
    };
    for (const field of project.fields) {
      const fieldId = takeId(state);
      record.fields.push({
        id: fieldId,
        nodeId: nodeId(field.type === "single_select" ? "PVTSSF" : "PVTF", fieldId),
        name: field.name,
        dataType: field.type === "single_select" ? "SINGLE_SELECT" : field.type === "text" ? "TEXT" : field.type === "number" ? "NUMBER" : "DATE",
        options: field.options.map((name, index) => ({ id: Buffer.from(`${fieldId}:${index}`).toString("hex").slice(0, 8), name })),
      });
    }
    for (const item of project.items) {
      const itemId = takeId(state);
      const [repo = "", number = "0"] = (item.content ?? "").split("#");
      const content = item.draft !== undefined
        ? { kind: "draft" as const, nodeId: nodeId("DI", itemId), title: item.draft, body: "" }
        : { kind: "issue" as const, repo: repo.includes("/") ? repo : `${owner}/${repo}`, number: Number(number) };
      record.items.push({
        id: itemId,
        nodeId: nodeId("PVTI", itemId),
        content,
        values: new Map(Object.entries(item.fields).map(([name, value]) => [name.toLowerCase(), value])),
        archivedAt: item.archived ? at : null,
        creator: [...(state.orgs.get(owner.toLowerCase())?.owners ?? [])][0] ?? owner,
        createdAt: at,
        updatedAt: at,
      });
    }
    (state.projects ??= []).push(record);
  }
}

/** The project `number` of `owner`, if there is one. */
export function findProject(state: SandboxState, owner: string, number: number): ProjectRecord | undefined {
  return state.projects?.find((project) => project.owner.toLowerCase() === owner.toLowerCase() && project.number === number);
}
