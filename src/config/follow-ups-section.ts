import type { Meeting } from "../model.js";
import type { RawMeeting } from "./schema.js";

type RawSection = NonNullable<NonNullable<RawMeeting["layout"]>["sections"]>[number];

/** Whether the meeting's layout has a section for the previous minutes' follow-ups (the default layout, used when it has none, does). */
export function listsFollowUps(meeting: Meeting): boolean {
  return meeting.layout === undefined || meeting.layout.sections.some((section) => section.followUps === true);
}

/** A follow-ups section lists nothing else, and there is one at most. */
export function followUpsProblems(sections: RawSection[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const indexes = sections.flatMap((section, index) => (section.follow_ups === true ? [index] : []));
  for (const index of indexes) {
    const section = sections[index];
    if (section?.agenda === true || section?.labels !== undefined) {
      problems.push({ path: ["layout", "sections", index, "follow_ups"], message: "a section lists the follow-ups of the last minutes alone, without `agenda` or `labels`" });
    }
  }
  if (indexes.length > 1) {
    problems.push({ path: ["layout", "sections"], message: `at most one section has \`follow_ups: true\`; sections ${indexes.map((index) => index + 1).join(" and ")} have it` });
  }
  return problems;
}
