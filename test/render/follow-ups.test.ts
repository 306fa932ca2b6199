import { renderMeeting } from "../../src/render/render-meeting.js";
import { mayBeMinutesFile } from "../../src/render/minutes-folder.js";
import type { FollowUps, MeetingLayout } from "../../src/model.js";
import { DEFAULT_LAYOUT } from "../../src/config/resolve-layout.js";
import { securityWgAgenda, securityWgMeeting } from "./fixtures/security-wg-agenda.js";

const URL = "https://github.com/nodejs/security-wg/blob/main/meetings/2024-03-14.md";
const FOLLOW_UPS: FollowUps = {
  date: "2024-03-14",
  url: URL,
  items: [
    { text: "@RafaelGSS to open an issue, see nodejs/node#52575 and https://example.com/x", line: 23 },
    { text: "close the comment --> <!-- and [link](https://x.test) `code @mention`", line: 30 },
  ],
  more: 0,
};

async function agendaOf(followUps: FollowUps | undefined, layout?: MeetingLayout) {
  const meeting = securityWgMeeting({ standingItems: [], ...(layout && { layout }) });
  const agenda = { ...securityWgAgenda(meeting), ...(followUps && { followUps }) };
  return renderMeeting({ agenda });
}

test("in the default layout, the follow-ups come before the agenda, inert, each linked to the source line", async () => {
  const rendered = await agendaOf(FOLLOW_UPS);
  expect(rendered.agendaMarkdown.split("\n").slice(0, 8).join("\n")).toBe(
    [
      "### Action items from last meeting",
      "",
      `*From the [minutes of 2024-03-14](${URL}): their unchecked tasks and lines marked ACTION.*`,
      "",
      `* @\u200BRafaelGSS to open an issue, see nodejs/node#\u200B52575 and https:\u200B//example.com/x ([line 23](${URL}?plain=1#L23))`,
      "",
      `* close the comment --\\> &lt;!-- and \\[link\\](https:\u200B//x.test) \`code @mention\` ([line 30](${URL}?plain=1#L30))`,
      "",
    ].join("\n"),
  );
  expect(rendered.agendaMarkdown).toContain("### Announcements");
  // The minutes of this meeting list them too, under their own heading.
  expect(rendered.minutesBody).toContain("## Agenda\n\n## Action items from last meeting\n\n*From the [minutes of 2024-03-14]");
});

test("without follow-ups the section is not there at all, in the issue or the minutes", async () => {
  for (const followUps of [undefined, { ...FOLLOW_UPS, items: [] }]) {
    const rendered = await agendaOf(followUps);
    expect(rendered.agendaMarkdown).not.toContain("Action items");
    expect(rendered.agendaMarkdown).not.toContain("### Announcements");
    expect(rendered.minutesBody).not.toContain("Action items");
  }
});

test("a layout places the section where it says, and what the agenda leaves out is counted", async () => {
  const layout: MeetingLayout = {
    ...DEFAULT_LAYOUT,
    sections: [
      { heading: "Updates", level: 3, agenda: true, labels: [] },
      { heading: "Open actions", level: 3, agenda: false, labels: [], followUps: true },
    ],
  };
  const rendered = await agendaOf({ ...FOLLOW_UPS, more: 12 }, layout);
  const markdown = rendered.agendaMarkdown;
  expect(markdown.indexOf("### Open actions")).toBeGreaterThan(markdown.indexOf("### Updates"));
  expect(markdown.trimEnd().endsWith(`*And 12 more in [the minutes](${URL}).*`)).toBe(true);
});

test("a layout without the section shows no follow-ups", async () => {
  const layout: MeetingLayout = { ...DEFAULT_LAYOUT, sections: DEFAULT_LAYOUT.sections.filter((section) => section.followUps !== true) };
  expect((await agendaOf(FOLLOW_UPS, layout)).agendaMarkdown).not.toContain("RafaelGSS");
});

test("which pushed files may be minutes: the folder before the path's first field", () => {
  const meeting = (path: string) => securityWgMeeting({ minutes: { path, open: "after_meeting" } });
  expect(mayBeMinutesFile(meeting("meetings/{{date}}.md"), "meetings/2024-03-14.md")).toBe(true);
  expect(mayBeMinutesFile(meeting("meetings/{{date}}.md"), "README.md")).toBe(false);
  expect(mayBeMinutesFile(meeting("docs/{{id}}/{{date}}.md"), "docs/security-wg/2024-03-14.md")).toBe(true);
  expect(mayBeMinutesFile(meeting("{{date}}.md"), "anything.md")).toBe(true);
});
