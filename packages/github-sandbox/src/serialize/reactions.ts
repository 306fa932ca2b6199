import type { ReactionContent, ReactionRecord } from "../state.js";

const CONTENTS: ReactionContent[] = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"];

/** GitHub's `reaction-rollup` for the reactions of an issue or comment at `url`. */
export function serializeReactionRollup(reactions: ReactionRecord[], url: string) {
  const counts = Object.fromEntries(CONTENTS.map((content) => [content, reactions.filter((reaction) => reaction.content === content).length]));
  return {
    url,
    total_count: reactions.length,
    "+1": counts["+1"] ?? 0,
    "-1": counts["-1"] ?? 0,
    laugh: counts["laugh"] ?? 0,
    hooray: counts["hooray"] ?? 0,
    confused: counts["confused"] ?? 0,
    heart: counts["heart"] ?? 0,
    rocket: counts["rocket"] ?? 0,
    eyes: counts["eyes"] ?? 0,
  };
}
