import type { GitHub } from "../github.js";
import type { ItemRef } from "../model.js";
import { ifFound } from "../github.js";

// The only writes the app makes to other people's issues, pull requests and discussions: the
// meeting's own agenda labels, when a person who may steer the meeting asks (`/agenda add`,
// `/agenda remove`). REST labels issues and pull requests; discussions only GraphQL labels, by
// the node ids of the discussion and of the repository's label.

const LABEL_AND_DISCUSSION = `query ($owner: String!, $name: String!, $label: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { label(name: $label) { id } discussion(number: $number) { id } }
}`;

interface LabelAndDiscussion {
  repository: { label: { id: string } | null; discussion: { id: string } };
}

export async function addAgendaLabel(octokit: GitHub, item: ItemRef, label: string): Promise<void> {
  const [owner = "", repo = ""] = item.repo.split("/");
  if (!item.discussion) {
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: item.number, labels: [label] });
    return;
  }
  const found = await readLabelAndDiscussion(octokit, item, label);
  // REST creates a label it is asked to add and the repository lacks; GraphQL adds only existing ones.
  const labelId = found.label?.id ?? (await octokit.rest.issues.createLabel({ owner, repo, name: label })).data.node_id;
  await relabelDiscussion(octokit, "addLabelsToLabelable", found.discussion.id, labelId);
}

export async function removeAgendaLabel(octokit: GitHub, item: ItemRef, label: string): Promise<void> {
  const [owner = "", repo = ""] = item.repo.split("/");
  if (!item.discussion) {
    // Already gone (removed by someone else meanwhile) is what was asked for.
    await ifFound(octokit.rest.issues.removeLabel({ owner, repo, issue_number: item.number, name: label }));
    return;
  }
  const found = await readLabelAndDiscussion(octokit, item, label);
  // A label deleted from the repository meanwhile is off the discussion too.
  if (!found.label) return;
  await relabelDiscussion(octokit, "removeLabelsFromLabelable", found.discussion.id, found.label.id);
}

async function readLabelAndDiscussion(octokit: GitHub, item: ItemRef, label: string): Promise<LabelAndDiscussion["repository"]> {
  const [owner = "", name = ""] = item.repo.split("/");
  const data = await octokit.graphql<LabelAndDiscussion>(LABEL_AND_DISCUSSION, { owner, name, label, number: item.number });
  return data.repository;
}

async function relabelDiscussion(octokit: GitHub, mutation: "addLabelsToLabelable" | "removeLabelsFromLabelable", discussionId: string, labelId: string): Promise<void> {
  await octokit.graphql(`mutation ($labelable: ID!, $label: ID!) { ${mutation}(input: { labelableId: $labelable, labelIds: [$label] }) { clientMutationId } }`, {
    labelable: discussionId,
    label: labelId,
  });
}
