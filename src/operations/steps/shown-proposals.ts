import type { GitHub } from "../../github.js";
import type { Meeting, Occurrence } from "../../model.js";
import { visibilityReader } from "../../collect/read-visible-items.js";

/**
 * The occurrence with only the proposals the visibility rule lets the meeting show now: a
 * repository made private since an item was proposed takes it out of the issue and the minutes
 * when they are next written, as for the agenda (`hidden`: what webhooks said, while the
 * repository's own answer may lag). Each repository's visibility is read once.
 */
export async function withShownProposals(
  octokit: GitHub,
  meeting: Meeting,
  occurrence: Occurrence,
  options: { home?: { private: boolean }; hidden?: (item: { repo: string }) => boolean } = {},
): Promise<Occurrence> {
  const proposals = occurrence.proposals ?? [];
  if (proposals.length === 0) return occurrence;
  const home = options.home ?? { private: (await octokit.rest.repos.get({ ...meeting.home })).data.private };
  const mayShow = visibilityReader(octokit, meeting, home);
  const shown = [];
  for (const proposal of proposals) if (!options.hidden?.(proposal) && (await mayShow(proposal.repo))) shown.push(proposal);
  const { proposals: _all, ...rest } = occurrence;
  return shown.length === 0 ? rest : { ...rest, proposals: shown };
}
