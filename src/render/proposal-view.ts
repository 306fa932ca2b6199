import { itemKey } from "../collect/item-key.js";
import type { Agenda, LayoutSection } from "../model.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { escapeUrl } from "./escape-url.js";

/** A proposal as templates see it: every text escaped, the proposer's `@login` pinging nobody. */
export interface ProposalView {
  repo: string;
  number: number;
  title: string;
  url: string;
  /** `@login` of the proposer, escaped. */
  by: string;
  /** Their reason, escaped, when they gave one. */
  why?: string;
}

/** The section a layout without a `proposals` section gets: right after the agenda's, shown only while something is proposed. */
export const PROPOSED_SECTION: LayoutSection = { heading: "Proposed", level: 2, agenda: false, labels: [], proposals: true };

export function withProposalsSection(sections: LayoutSection[]): LayoutSection[] {
  if (sections.some((section) => section.proposals === true)) return sections;
  const at = sections.findIndex((section) => section.agenda) + 1;
  return [...sections.slice(0, at), PROPOSED_SECTION, ...sections.slice(at)];
}

/** The occurrence's proposals not decided yet, without the items on the agenda already (labelled by anyone meanwhile). */
export function proposalViews(agenda: Agenda): ProposalView[] {
  const onAgenda = new Set(agenda.groups.flatMap((group) => group.items.map(itemKey)));
  return (agenda.occurrence.proposals ?? [])
    .filter((proposal) => !onAgenda.has(itemKey(proposal)))
    .map((proposal) => ({
      repo: escapeMarkdown(proposal.repo),
      number: proposal.number,
      title: escapeMarkdown(proposal.title),
      url: escapeUrl(proposal.url),
      by: escapeMarkdown(`@${proposal.by}`),
      ...(proposal.why ? { why: escapeMarkdown(proposal.why) } : {}),
    }));
}
