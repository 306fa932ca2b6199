import type { ReactionRecord, SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";
import { serializeAccount } from "./user.js";

/** GitHub's `reaction`. */
export function serializeReaction(state: SandboxState, reaction: ReactionRecord, urls: SandboxUrls) {
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: serializeAccount(state, reaction.user, urls),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
