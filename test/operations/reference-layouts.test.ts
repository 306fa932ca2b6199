import { readFileSync } from "node:fs";
import { Sandbox } from "@agenda-drafter/github-sandbox";
import { parse, stringify } from "yaml";
import { draftOccurrence } from "../../src/operations/draft-occurrence.js";
import { renderMeeting } from "../../src/render/render-meeting.js";
import { AGENDA_MARKERS } from "../../src/render/agenda-markers.js";
import { SECURITY_WG_2024_04_25, TSC_2024_03_27 } from "../fixtures/reference/minutes-headings.js";
import { allNodes, describeWithCmarkGfm, githubLinksIn, renderGitHubMarkdown, textRuns } from "../render/github-rendering.js";

// Both groups' minutes from their config alone, without a template of their own: the headings in
// the order of the real minutes, and the generated lines of Links, Present and Upcoming Meetings.

const CONFIG = ".github/agenda-drafter.yml";

const TSC_CONFIG = `meetings:
  tsc:
    name: Node.js Technical Steering Committee (TSC)
    agenda_labels: [tsc-agenda]
    repo_order: [nodejs/node, nodejs/nodejs.org, nodejs/TSC, nodejs/admin, nodejs/corepack]
    schedule: { timezone: UTC, start: "2024-03-27T14:00", rrule: "FREQ=WEEKLY", duration: 60 }
    links:
      recording: "https://www.youtube.com/watch?v=Pfro4xlHe8o"
      notes: "https://docs.google.com/document/d/1ecMlzvc48JvduMansNCbNxzQQO6uxalnXyDMXy-UtoE/edit"
      calendar: "https://nodejs.org/calendar"
    link_labels: { notes: Minutes Google Doc, calendar: Node.js Project Calendar }
    layout:
      sections:
        - { heading: Agenda }
        - { heading: Announcements, level: 3 }
        - { heading: CPC and Board Meeting Updates, level: 3, agenda: true }
        - { heading: Strategic Initiatives }
      present:
        style: name_login
        roles: [{ role: voting member, logins: [aduh95, BridgeAR, GeoffreyBooth, joyeecheung, RafaelGSS] }]
`;

const SECURITY_WG_CONFIG = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2", duration: 60 }
    links: { calendar: "https://nodejs.org/calendar" }
    link_labels: { calendar: Node.js Project Calendar }
`;

/** The reference snapshot with the group's config replaced and its own templates gone. */
function sandboxWith(snapshotFile: string, repo: string, config: string): Sandbox {
  const snapshot = parse(readFileSync(new URL(`../fixtures/reference/${snapshotFile}`, import.meta.url), "utf8")) as {
    orgs: { nodejs: { repos: Record<string, { files?: Record<string, string> }> } };
  };
  const home = snapshot.orgs.nodejs.repos[repo];
  if (!home) throw new Error(`the snapshot has no nodejs/${repo}`);
  home.files = { [CONFIG]: config };
  return Sandbox.fromSnapshot(stringify(snapshot));
}

function headings(markdown: string): string[] {
  return markdown.split("\n").filter((line) => /^#{2,6} /.test(line));
}

/** The lines under a heading, up to the next heading of any level. */
function linesUnder(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  const end = lines.findIndex((line, index) => index > start && /^#{1,6} /.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line.trim() !== "");
}

const withoutZeroWidth = (text: string) => text.replaceAll("\u200B", "");

const cases = [
  {
    name: "TSC 2024-03-27",
    sandbox: () => sandboxWith("tsc-2024-03-27.yml", "TSC", TSC_CONFIG),
    repo: { owner: "nodejs", repo: "TSC" },
    date: "2024-03-27",
    issueUrl: "https://github.com/nodejs/TSC/issues/1521",
    reference: TSC_2024_03_27,
  },
  {
    name: "Security WG 2024-04-25",
    sandbox: () => sandboxWith("security-wg-2024-04-25.yml", "security-wg", SECURITY_WG_CONFIG),
    repo: { owner: "nodejs", repo: "security-wg" },
    date: "2024-04-25",
    issueUrl: "https://github.com/nodejs/security-wg/issues/1286",
    reference: SECURITY_WG_2024_04_25,
  },
];

describe.each(cases)("$name from config alone", (example) => {
  const drafted = (async () => {
    const sandbox = example.sandbox();
    const draft = await draftOccurrence(sandbox.octokit(), { repo: example.repo, date: example.date, now: sandbox.clock.now() });
    const attendees = example.reference.present.map(({ name, login }) => ({ name, login }));
    return { draft, minutes: (await renderMeeting({ agenda: draft.agenda, issueUrl: example.issueUrl, attendees })).minutesBody };
  })();

  test("the minutes have the reference's headings, in its order", async () => {
    expect(headings((await drafted).minutes)).toEqual(example.reference.headings);
  });

  test("where the items come from is said under the reference's heading", async () => {
    const { minutes } = await drafted;
    expect(linesUnder(minutes, example.reference.extractedUnder)[0]).toMatch(/^\*Extracted from \*\*[\w-]+\*\* labelled issues/);
  });

  test("Present lists people as the reference does, and Upcoming Meetings has the group's calendar line", async () => {
    const { minutes } = await drafted;
    expect(linesUnder(minutes, "## Present").map(withoutZeroWidth)).toEqual(example.reference.present.map(({ line }) => line));
    expect(linesUnder(minutes, "## Upcoming Meetings")).toEqual(example.reference.upcoming);
  });

  test("the issue's agenda is the agenda section's content, without the free sections", async () => {
    const { draft } = await drafted;
    const body = draft.rendered.issueBody;
    const agenda = body.slice(body.indexOf(AGENDA_MARKERS.start), body.indexOf(AGENDA_MARKERS.end));
    expect(headings(agenda)).toEqual(example.reference.headings.filter((heading) => /^### \w+\//.test(heading)));
  });
});

test("the TSC's Links are the reference's, the notes document labelled as the group calls it", async () => {
  const sandbox = cases[0]!.sandbox();
  const draft = await draftOccurrence(sandbox.octokit(), { repo: cases[0]!.repo, date: "2024-03-27", now: sandbox.clock.now() });
  const { minutesBody } = await renderMeeting({ agenda: draft.agenda, issueUrl: cases[0]!.issueUrl });
  expect(linesUnder(minutesBody, "## Links")).toEqual(TSC_2024_03_27.links);
});

describeWithCmarkGfm("Present entries on GitHub", () => {
  test("`Name @login (role)` shows its characters and mentions nobody", async () => {
    const sandbox = cases[0]!.sandbox();
    const draft = await draftOccurrence(sandbox.octokit(), { repo: cases[0]!.repo, date: "2024-03-27", now: sandbox.clock.now() });
    const attendees = TSC_2024_03_27.present.map(({ name, login }) => ({ name, login }));
    const { minutesBody } = await renderMeeting({ agenda: draft.agenda, attendees });
    const present = linesUnder(minutesBody, "## Present").join("\n");
    const nodes = allNodes(await renderGitHubMarkdown(present));
    const runs = textRuns(nodes.filter((node) => node.type === "text" || node.type === "code"));
    expect(runs.flatMap(githubLinksIn)).toEqual([]);
    expect(nodes.filter((node) => node.type === "link")).toEqual([]);
  });
});
