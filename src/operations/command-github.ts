import type { GitHub } from "../github.js";
import type { Attendee, ItemRef, Meeting } from "../model.js";
import { ifFound } from "../github.js";
import { agendaLabeller } from "../publish/agenda-labels.js";
import { acknowledgeComment, commentOnIssue, type IssueRef } from "../publish/comment-replies.js";
import { checkAgendaItems, type CheckedItem } from "./steps/check-agenda-items.js";
import { maySteer } from "./steps/may-steer.js";

export type { CheckedItem };

/**
 * What comment commands may read and change on GitHub besides the meeting itself (see
 * MeetingActions), for the meeting issue a comment is on: a narrow client, so that a command
 * never holds the whole API.
 */
export interface CommandGitHub {
  /** Whether the person may steer the meeting. */
  maySteer(login: string): Promise<boolean>;
  /** Reacts to a comment whose commands were accepted. */
  acknowledge(commentId: number): Promise<void>;
  /** Replies on the meeting issue. */
  reply(body: string): Promise<void>;
  /** Checks that the meeting may act on every item; one refusal refuses them all. */
  checkItems(refs: ItemRef[], options: { openOnly: boolean }): Promise<{ items: CheckedItem[] } | { refused: string }>;
  /** Puts the meeting's first agenda label on an item. */
  addAgendaLabel(item: ItemRef): Promise<void>;
  /** Takes one of the meeting's agenda labels off an item. */
  removeAgendaLabel(item: ItemRef, label: string): Promise<void>;
  /** The GitHub user of this login, or undefined when there is none. */
  findUser(login: string): Promise<Attendee | undefined>;
}

export function createCommandGitHub(octokit: GitHub, meeting: Meeting, issue: IssueRef): CommandGitHub {
  const labeller = agendaLabeller(octokit);
  return {
    maySteer: (login) => maySteer(octokit, meeting, login),
    acknowledge: (commentId) => acknowledgeComment(octokit, issue, commentId),
    reply: (body) => commentOnIssue(octokit, issue, body),
    checkItems: (refs, options) => checkAgendaItems(octokit, meeting, refs, options),
    addAgendaLabel: (item) => labeller.add(item, meeting.agendaLabels[0] as string),
    removeAgendaLabel: (item, label) => labeller.remove(item, label),
    async findUser(login) {
      const user = await ifFound(octokit.rest.users.getByUsername({ username: login }));
      return user && { login: user.data.login, name: user.data.name?.trim() || null };
    },
  };
}
