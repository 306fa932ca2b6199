import { refusedForPermission } from "../collect/refused-for-permission.js";
import { UserError } from "../errors.js";
import type { GitHub } from "../github.js";
import type { ItemRef } from "../model.js";
import { ifFound, statusOf } from "../github.js";

// The only writes the app makes to other people's issues, pull requests and discussions: the
// meeting's own agenda labels, when a person who may steer the meeting asks (`/agenda add`,
// `/agenda remove`). REST labels issues and pull requests; discussions only GraphQL labels, by
// the node ids of the discussion and of the repository's label.

const LABEL_AND_DISCUSSION = `query ($owner: String!, $name: String!, $label: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { label(name: $label) { id } discussion(number: $number) { id } }
}`;
const DISCUSSION = `query ($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { discussion(number: $number) { id } }
}`;

interface LabelAndDiscussion {
  repository: { label?: { id: string } | null; discussion: { id: string } };
}

/** Puts agenda labels on items and takes them off, for one comment's commands. */
export interface AgendaLabeller {
  add(item: ItemRef, label: string): Promise<void>;
  remove(item: ItemRef, label: string): Promise<void>;
}

/**
 * A labeller whose node ids are looked up once: a label's (null while the repository lacks it)
 * and a discussion's, remembered for the commands of one comment, which take a few seconds.
 */
export function agendaLabeller(octokit: GitHub): AgendaLabeller {
  const labelIds = new Map<string, string | null>();
  const discussionIds = new Map<string, string>();
  const labelKey = (item: ItemRef, label: string) => `${item.repo.toLowerCase()} ${label.toLowerCase()}`;

  async function nodeIds(item: ItemRef, label: string): Promise<{ labelId: string | null; discussionId: string }> {
    const knownLabel = labelIds.get(labelKey(item, label));
    const discussionKey = `${item.repo.toLowerCase()}#${item.number}`;
    let discussionId = discussionIds.get(discussionKey);
    if (knownLabel !== undefined && discussionId !== undefined) return { labelId: knownLabel, discussionId };
    const [owner = "", name = ""] = item.repo.split("/");
    const { repository } = await octokit.graphql<LabelAndDiscussion>(knownLabel === undefined ? LABEL_AND_DISCUSSION : DISCUSSION, {
      owner,
      name,
      number: item.number,
      ...(knownLabel === undefined && { label }),
    });
    discussionId = repository.discussion.id;
    discussionIds.set(discussionKey, discussionId);
    const labelId = knownLabel === undefined ? (repository.label?.id ?? null) : knownLabel;
    labelIds.set(labelKey(item, label), labelId);
    return { labelId, discussionId };
  }

  return {
    async add(item, label) {
      const [owner = "", repo = ""] = item.repo.split("/");
      if (!item.discussion) {
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: item.number, labels: [label] });
        return;
      }
      const found = await nodeIds(item, label);
      // REST creates a label it is asked to add and the repository lacks; GraphQL adds only existing ones.
      const labelId = found.labelId ?? (await createLabel(octokit, { owner, repo }, label));
      labelIds.set(labelKey(item, label), labelId);
      await relabelDiscussion(octokit, "addLabelsToLabelable", item, found.discussionId, labelId);
    },
    async remove(item, label) {
      const [owner = "", repo = ""] = item.repo.split("/");
      if (!item.discussion) {
        // Already gone (removed by someone else meanwhile) is what was asked for.
        await ifFound(octokit.rest.issues.removeLabel({ owner, repo, issue_number: item.number, name: label }));
        return;
      }
      const found = await nodeIds(item, label);
      // A label deleted from the repository meanwhile is off the discussion too.
      if (found.labelId === null) return;
      await relabelDiscussion(octokit, "removeLabelsFromLabelable", item, found.discussionId, found.labelId);
    },
  };
}

/** The label's node id; one that another command created meanwhile (GitHub's 422 already_exists) is that one. */
async function createLabel(octokit: GitHub, repo: { owner: string; repo: string }, name: string): Promise<string> {
  try {
    return (await octokit.rest.issues.createLabel({ ...repo, name })).data.node_id;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    return (await octokit.rest.issues.getLabel({ ...repo, name })).data.node_id;
  }
}

function isAlreadyExists(error: unknown): boolean {
  const errors = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data?.errors;
  return statusOf(error) === 422 && Array.isArray(errors) && errors.some((problem) => problem.code === "already_exists");
}

async function relabelDiscussion(
  octokit: GitHub,
  mutation: "addLabelsToLabelable" | "removeLabelsFromLabelable",
  item: ItemRef,
  discussionId: string,
  labelId: string,
): Promise<void> {
  try {
    await octokit.graphql(`mutation ($labelable: ID!, $label: ID!) { ${mutation}(input: { labelableId: $labelable, labelIds: [$label] }) { clientMutationId } }`, {
      labelable: discussionId,
      label: labelId,
    });
  } catch (error) {
    // An installation from before the app asked for `discussions: write` still reads them: it
    // stays so until an owner accepts the new permission, which nothing here can do for them.
    if (!refusedForPermission(error)) throw error;
    const [owner] = item.repo.split("/");
    throw new UserError(
      `the app may not label discussions in ${item.repo}: labelling takes the Discussions permission, write, which the app asks for and its installation on ${owner} has not been granted. An owner of ${owner} accepts the app's updated permissions (its settings, GitHub Apps, the app's Configure page).`,
    );
  }
}
