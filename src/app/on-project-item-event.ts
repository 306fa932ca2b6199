import type { Context } from "probot";
import type { GitHub } from "../github.js";
import type { Runtime } from "./runtime.js";

/**
 * An item of a Projects (v2) board was added, edited, archived, restored, converted or deleted:
 * the meetings whose agenda is a board of that organization are refreshed (after the debounce,
 * as for labels). The payload names the organization but, except for a field's edit, not the
 * board's number; an edit of another field or board is no change of the agenda. The refresh
 * reads the board itself, so an event that arrives late or twice changes nothing; the tick
 * repairs what a lost one missed.
 */
export async function onProjectItemEvent(runtime: Runtime, context: Context<"projects_v2_item">): Promise<void> {
  const { payload } = context;
  const installationId = payload.installation?.id;
  if (installationId === undefined) return;
  await runtime.ensureDiscovered(context.octokit as GitHub, installationId);
  const owner = payload.organization.login.toLowerCase();
  const edit = payload.action === "edited" && "field_value" in (payload.changes ?? {}) ? fieldEdit(payload.changes) : undefined;
  for (const meeting of await runtime.registry.meetings(installationId)) {
    const source = meeting.sources?.project;
    if (!source || source.owner.toLowerCase() !== owner) continue;
    if (edit?.projectNumber !== undefined && edit.projectNumber !== source.number) continue;
    if (edit?.fieldName !== undefined && edit.fieldName.toLowerCase() !== source.field.toLowerCase()) continue;
    runtime.refresh(installationId, meeting);
  }
}

function fieldEdit(changes: unknown): { projectNumber?: number; fieldName?: string } {
  const value = (changes as { field_value?: { project_number?: unknown; field_name?: unknown } }).field_value;
  return {
    ...(typeof value?.project_number === "number" && { projectNumber: value.project_number }),
    ...(typeof value?.field_name === "string" && { fieldName: value.field_name }),
  };
}
