import type { MeetingLayout } from "../model.js";
import type { RawMeeting } from "./schema.js";
import { followUpsProblems } from "./follow-ups-section.js";

/** The minutes' sections when a meeting declares none: the layout of the groups' former generator. */
export const DEFAULT_LAYOUT: MeetingLayout = {
  sections: [
    { heading: "Agenda", level: 2, agenda: false, labels: [] },
    { heading: "Action items from last meeting", level: 2, agenda: false, labels: [], followUps: true },
    { heading: "Announcements", level: 2, agenda: true, labels: [] },
    { heading: "Q&A, Other", level: 2, agenda: false, labels: [] },
  ],
  present: { style: "name_parenthesized_login", roles: [] },
};

interface LayoutProblem {
  path: (string | number)[];
  message: string;
}

/** What makes a meeting's layout unusable once its layers are merged: where its agenda goes, where its standing items go. */
export function layoutProblems(meeting: RawMeeting): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const sections = meeting.layout?.sections;
  if (sections !== undefined) {
    const agendaSections = sections.flatMap((section, index) => (section.agenda === true ? [index] : []));
    if (agendaSections.length !== 1) {
      problems.push({
        path: ["layout", "sections"],
        message: `exactly one section needs \`agenda: true\` (where the items by repository go); ${agendaSections.length === 0 ? "none has it" : `sections ${agendaSections.map((index) => index + 1).join(" and ")} have it`}`,
      });
    }
    sections.forEach((section, index) => {
      if (section.agenda === true && section.labels !== undefined) {
        problems.push({ path: ["layout", "sections", index, "labels"], message: "a section holds the agenda or the items of some labels, not both" });
      }
      if (section.invited === true && (section.agenda === true || section.labels !== undefined)) {
        problems.push({ path: ["layout", "sections", index, "invited"], message: "a section lists the invited teams or agenda items, not both" });
      }
    });
    problems.push(...followUpsProblems(sections));
    problems.push(...proposalsSectionProblems(sections));
  }
  // The follow-ups' section is left out while there are none: no standing item goes there.
  const headings = sections
    ? sections.filter((section) => section.follow_ups !== true).map((section) => section.heading)
    : DEFAULT_LAYOUT.sections.filter((section) => section.followUps !== true).map((section) => section.heading);
  (meeting.standing_items ?? []).forEach((item, index) => {
    if (item.section !== undefined && !headings.includes(item.section)) {
      problems.push({
        path: ["standing_items", index, "section"],
        message: `\`${item.section}\` is not the heading of a section; the sections are ${headings.map((heading) => `\`${heading}\``).join(", ")}`,
      });
    }
  });
  return problems;
}

/** The layout of a meeting whose config declares one (sections, Present entries or both). */
export function toLayout(raw: NonNullable<RawMeeting["layout"]>): MeetingLayout {
  return {
    sections: (raw.sections ?? DEFAULT_LAYOUT.sections).map((section) => ({
      heading: section.heading,
      level: section.level ?? 2,
      agenda: section.agenda === true,
      labels: "labels" in section ? (section.labels ?? []) : [],
      ...((("follow_ups" in section && section.follow_ups === true) || ("followUps" in section && section.followUps === true)) && { followUps: true as const }),
      ...(section.proposals === true && { proposals: true }),
      ...(section.invited === true && { invited: true as const }),
    })),
    present: {
      style: raw.present?.style ?? DEFAULT_LAYOUT.present.style,
      roles: (raw.present?.roles ?? []).map(({ role, logins }) => ({ role, logins: logins.map((login) => login.replace(/^@/, "")) })),
    },
  };
}

type RawSection = NonNullable<NonNullable<RawMeeting["layout"]>["sections"]>[number];

/** The proposals go in one section, which lists nothing else. */
function proposalsSectionProblems(sections: RawSection[]): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const found = sections.flatMap((section, index) => (section.proposals === true ? [index] : []));
  if (found.length > 1) {
    problems.push({ path: ["layout", "sections"], message: `at most one section has \`proposals: true\`; sections ${found.map((index) => index + 1).join(" and ")} have it` });
  }
  for (const index of found) {
    const section = sections[index] as RawSection;
    if (section.agenda === true || section.labels !== undefined) {
      problems.push({ path: ["layout", "sections", index, "proposals"], message: "a section holds the proposals, or the agenda or the items of some labels, not both" });
    }
  }
  return problems;
}
