import type { ReactionRecord, SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { serializeUser } from "./user.js";

/** GitHub's `reaction`. */
export function serializeReaction(state: SandboxState, reaction: ReactionRecord, urls: SandboxUrls) {
  const user = state.users.get(reaction.user.toLowerCase());
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: user ? serializeUser(user, urls) : null,
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
