import { changeDiscussion, deleteDiscussion, discussionRepo, startDiscussion, transferDiscussion, turnOnDiscussions, type DiscussionChange, type NewDiscussion } from "../discussions/discussion-changes.js";
import type { Sandbox } from "../sandbox.js";
import { badRequest } from "./control-routes.js";

// What a person does to discussions on GitHub's pages, with GitHub's `discussion` webhooks:
// `POST /repos/{owner}/{repo}/discussions/enable` turns the tab on (GitHub's default categories),
// `POST /repos/{owner}/{repo}/discussions` `{ title, body?, category?, labels?, sender? }` starts one,
// `PATCH /repos/{owner}/{repo}/discussions/{number}` `{ title?, body?, addLabels?, removeLabels?,
// closed?, stateReason?, category?, locked?, sender? }` changes it, `DELETE` deletes it, and
// `POST .../{number}/transfer` `{ to: "owner/name", sender? }` moves it.

const DISCUSSION_PATH = /^\/repos\/([^/]+\/[^/]+)\/discussions(?:\/(enable|\d+)(\/transfer)?)?$/;

export function answerDiscussionControl(
  method: string,
  path: string,
  sandbox: Sandbox,
  body: Record<string, unknown>,
  senderOf: (account: string) => string,
): Response | undefined {
  const match = DISCUSSION_PATH.exec(path);
  if (!match) return undefined;
  const [, name = "", which, transfer] = match;
  const repo = discussionRepo(sandbox, name);
  if (typeof repo === "string") return Response.json({ message: repo }, { status: 404 });
  const sender = typeof body["sender"] === "string" ? body["sender"] : senderOf(repo.owner);
  if (method === "POST" && which === "enable") {
    turnOnDiscussions(sandbox, repo);
    return Response.json({ has_discussions: true });
  }
  if (method === "POST" && which === undefined) {
    if (typeof body["title"] !== "string" || body["title"] === "") return badRequest("title: the discussion's title is required");
    const started = startDiscussion(sandbox, repo, body as unknown as NewDiscussion, sender);
    return typeof started === "string" ? badRequest(started) : Response.json({ number: started.number, node_id: started.nodeId });
  }
  const discussion = which === undefined ? undefined : repo.discussions?.get(Number(which));
  if (!discussion) return Response.json({ message: `${name} has no discussion #${which}` }, { status: 404 });
  if (method === "PATCH" && !transfer) {
    const problem = changeDiscussion(sandbox, repo, discussion, body as DiscussionChange, sender);
    return problem ? badRequest(problem) : Response.json({ number: discussion.number });
  }
  if (method === "DELETE" && !transfer) {
    const problem = deleteDiscussion(sandbox, repo, discussion, sender);
    return problem ? badRequest(problem) : Response.json({});
  }
  if (method === "POST" && transfer) {
    const target = typeof body["to"] === "string" ? discussionRepo(sandbox, body["to"]) : 'to: the repository to move the discussion to, as "owner/name"';
    const moved = typeof target === "string" ? target : transferDiscussion(sandbox, repo, discussion, target, sender);
    return typeof moved === "string" ? badRequest(moved) : Response.json({ repository: body["to"], number: moved.number });
  }
  return Response.json({ message: `No sandbox control endpoint ${method} for a discussion` }, { status: 404 });
}
