import type { GitHub } from "../github.js";
import type { ItemRef } from "../model.js";
import { ifFound } from "../github.js";

// The only writes the app makes to other people's issues and pull requests: the meeting's own
// agenda labels, when a person who may steer the meeting asks (`/agenda add`, `/agenda remove`).

export async function addAgendaLabel(octokit: GitHub, item: ItemRef, label: string): Promise<void> {
  const [owner = "", repo = ""] = item.repo.split("/");
  await octokit.rest.issues.addLabels({ owner, repo, issue_number: item.number, labels: [label] });
}

export async function removeAgendaLabel(octokit: GitHub, item: ItemRef, label: string): Promise<void> {
  const [owner = "", repo = ""] = item.repo.split("/");
  // Already gone (removed by someone else meanwhile) is what was asked for.
  await ifFound(octokit.rest.issues.removeLabel({ owner, repo, issue_number: item.number, name: label }));
}
