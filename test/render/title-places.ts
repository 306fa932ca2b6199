import { handleCommandComment } from "../../src/commands/handle-command-comment.js";
import { parseCommands } from "../../src/commands/parse-commands.js";
import type { CommandGitHub } from "../../src/operations/command-github.js";
import { describeMeeting } from "../../src/operations/steps/config-check-report.js";
import { minutesCommitMessage, minutesPullRequestText } from "../../src/publish/minutes/minutes-pull-request-text.js";
import { renderMeeting } from "../../src/render/render-meeting.js";
import { fakeActions } from "../commands/harness.js";
import { march28 } from "../fixtures/security-wg-meeting.js";
import { securityWgAgenda, securityWgItem, securityWgMeeting } from "./fixtures/security-wg-agenda.js";
import {
  allNodes,
  equalsUpToAddedZeroWidthSpaces,
  githubLinksIn,
  renderGitHubDocuments,
  renderGitHubMarkdown,
  textRuns,
  visibleText,
  type RenderedNode,
} from "./github-rendering.js";

/**
 * Every place a title (an item's, or a meeting's name) reaches on GitHub, rendered as GitHub
 * renders it, and what is wrong there: an element other than text, the title's own code spans and
 * the app's own link; characters shown other than the title's; a mention, reference or autolink.
 */

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS_AND_CONTROLS = /\s*[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]+\s*/g;

/**
 * What a title shows in Markdown: no bidirectional controls, line breaks and controls as one
 * space, trimmed; its code spans show their content without the backticks (and, as CommonMark
 * says, without one space on each side when there is one on both).
 */
export function shownInMarkdown(title: string): string {
  return title
    .replace(BIDI_CONTROLS, "")
    .replace(LINE_BREAKS_AND_CONTROLS, " ")
    .trim()
    .replace(CODE_SPAN, (_span, _backticks, content: string) =>
      /^ [\s\S]* $/.test(content) && /[^ ]/.test(content) ? content.slice(1, -1) : content,
    );
}

/** What a title shows in a plain-text field (a pull request title, a commit message): also one space between words. */
export function shownInPlainText(title: string): string {
  return title.replace(BIDI_CONTROLS, "").replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

// A CommonMark code span: a backtick run, up to the next run of the same length.
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g;

/** Whether the text holds a code span. */
function hasCodeSpan(text: string): boolean {
  return new RegExp(CODE_SPAN.source).test(text);
}

const ITEM_NUMBER = 4242;
const ITEM_URL = `https://github.com/nodejs/security-wg/issues/${ITEM_NUMBER}`;
const ALLOWED_INLINE = new Set(["text", "code"]);

interface Region {
  place: string;
  /** The inline nodes the title (with the app's own text around it) rendered to. */
  nodes: RenderedNode[];
  /** The visible text the nodes must show, up to added zero-width spaces. */
  expected: string;
  /** App text at the start of the first and the end of the last text node, where the rules do not look. */
  ownPrefix?: string;
  ownSuffix?: string;
  /** Code nodes the app itself puts in this region. */
  ownCodeNodes?: number;
}

/** Markdown the app writes, and the problems a title has in it once rendered. */
interface Place {
  markdown: string;
  check(document: RenderedNode): string[];
}

/** The problems of one title in every place it reaches; empty when the title is inert everywhere. */
export async function titleProblems(title: string): Promise<string[]> {
  const places = await placesOf(title);
  const documents = await renderGitHubDocuments(places.map((place) => place.markdown));
  return [...places.flatMap((place, index) => place.check(documents[index] as RenderedNode)), ...plainTextProblems(title)];
}

/** Renders the places of these titles in one run of cmark-gfm, before they are checked one by one. */
export async function prepareTitles(titles: string[]): Promise<void> {
  const places = await Promise.all(titles.map(placesOf));
  await renderGitHubDocuments(places.flat().map((place) => place.markdown));
}

const placesByTitle = new Map<string, Promise<Place[]>>();

function placesOf(title: string): Promise<Place[]> {
  const known = placesByTitle.get(title);
  if (known) return known;
  referenceHtml ??= renderedMeeting("Plain title").then(({ markdowns }) => renderGitHubDocuments(markdowns)).then((documents) => documents.map(htmlOf));
  const places = referenceHtml.then(async (html) => [
    ...meetingPlaces(title, html, await renderedMeeting(title)),
    ...(await replyPlaces(title)),
    checkRunPlace(title),
    pullRequestBodyPlace(title),
  ]);
  placesByTitle.set(title, places);
  return places;
}

let referenceHtml: Promise<string[]> | undefined;

function checkRegions(regions: Region[], title: string): string[] {
  return regions.flatMap((region) => regionProblems(region, hasCodeSpan(title)));
}

function regionProblems(region: Region, titleHasCode: boolean): string[] {
  const problems: string[] = [];
  const where = `${region.place}:`;
  const elements = region.nodes.flatMap(allNodes).filter((node) => !ALLOWED_INLINE.has(node.type));
  if (elements.length > 0) problems.push(`${where} elements ${elements.map((node) => node.type).join(", ")}`);
  const codeNodes = region.nodes.filter((node) => node.type === "code").length;
  if (!titleHasCode && codeNodes > (region.ownCodeNodes ?? 0)) problems.push(`${where} a code span the title did not have`);
  const shown = visibleText(region.nodes);
  if (!equalsUpToAddedZeroWidthSpaces(shown, region.expected)) {
    problems.push(`${where} shows ${JSON.stringify(shown)}, not ${JSON.stringify(region.expected)}`);
  }
  const texts = textRuns(region.nodes);
  if (region.ownPrefix && texts[0]?.startsWith(region.ownPrefix)) texts[0] = texts[0].slice(region.ownPrefix.length);
  const last = texts.length - 1;
  if (region.ownSuffix && texts[last]?.endsWith(region.ownSuffix)) texts[last] = texts[last].slice(0, -region.ownSuffix.length);
  for (const text of texts) {
    const links = githubLinksIn(text);
    if (links.length > 0) problems.push(`${where} GitHub finds ${links.join(", ")} in ${JSON.stringify(text)}`);
  }
  return problems;
}

/**
 * The agenda line of the issue and of the minutes (the item's title), the minutes' heading (the
 * meeting's name), and the HTML of both, which must be the app's own (its hidden markers).
 */
function meetingPlaces(title: string, expectedHtml: string[], { markdowns, rendered }: Awaited<ReturnType<typeof renderedMeeting>>): Place[] {
  const [issue = "", minutes = ""] = markdowns;
  const htmlProblems = (document: RenderedNode, index: number) =>
    htmlOf(document) === expectedHtml[index] ? [] : [`${index === 0 ? "issue" : "minutes"}: HTML ${htmlOf(document)}`];
  return [
    { markdown: issue, check: (document) => [...checkRegions([agendaLineRegion("issue agenda line", document, title, ["text", "emph"])], title), ...htmlProblems(document, 0)] },
    {
      markdown: minutes,
      check: (document) => [
        ...checkRegions(
          [
            agendaLineRegion("minutes agenda line", document, title, []),
            {
              place: "minutes heading",
              nodes: document.children.find((node) => node.type === "heading")?.children ?? [],
              expected: shownInMarkdown(rendered.title),
              ownSuffix: ` Meeting ${march28.date}`,
            },
          ],
          title,
        ),
        ...htmlProblems(document, 1),
      ],
    },
  ];
}

async function renderedMeeting(title: string) {
  const meeting = securityWgMeeting({ name: title });
  const item = securityWgItem(ITEM_NUMBER, title, { isNew: true, draft: true });
  const rendered = await renderMeeting({ agenda: securityWgAgenda(meeting, [item]), issueUrl: "https://github.com/nodejs/security-wg/issues/1301" });
  return { markdowns: [rendered.issueBody, rendered.minutesBody], rendered };
}

function htmlOf(document: RenderedNode): string {
  return JSON.stringify(allNodes(document).filter((node) => node.type.startsWith("html")).map((node) => node.literal));
}

/** The item line: the title's nodes, a space, the app's link to the item, then the app's markers. */
function agendaLineRegion(place: string, document: RenderedNode, title: string, markerTypes: string[]): Region {
  const line = allNodes(document).find(
    (node) => node.type === "paragraph" && node.children.some((child) => child.type === "link" && child.attributes.destination === ITEM_URL),
  );
  if (!line) return { place: `${place} (the app's link to the item is gone)`, nodes: [{ type: "missing", attributes: {}, children: [] }], expected: title };
  const link = line.children.findIndex((child) => child.type === "link" && child.attributes.destination === ITEM_URL);
  const after = line.children.slice(link + 1).map((node) => node.type);
  const markersKept = JSON.stringify(after) === JSON.stringify(markerTypes);
  return {
    place: markersKept ? place : `${place} (after the link: ${after.join(", ")})`,
    nodes: line.children.slice(0, link),
    // cmark drops the space before the link when the line starts with it.
    expected: shownInMarkdown(title) === "" ? "" : `${shownInMarkdown(title)} `,
  };
}

/** The replies on the meeting issue: an `/agenda add` that quotes the item's title, and a bad argument quoted back. */
async function replyPlaces(title: string): Promise<Place[]> {
  const added: Place = {
    markdown: (await replyText("/agenda add #12", title)) ?? "",
    check: (document) =>
      checkRegions(
        [
          {
            place: "reply to /agenda add",
            nodes: allNodes(document).find((node) => node.type === "item")?.children[0]?.children ?? [],
            // cmark drops the space after the colon when nothing follows it.
            expected: shownInMarkdown(title) === "" ? "nodejs/security-wg#12:" : `nodejs/security-wg#12: ${shownInMarkdown(title)}`,
            ownPrefix: "nodejs/security-wg#12:",
          },
        ],
        title,
      ),
  };
  const body = `/agenda refresh ${title.replace(/[\r\n]+/g, " ")}`;
  const [line] = parseCommands(body);
  // `refresh` and what follows; `<!--` on the line starts a comment, which is no part of the command.
  const args = line?.words.slice(1) ?? [];
  if (!line || args.length === 0) return [added];
  const words = args.join(" ");
  const short = [...words].length > 60 ? `${[...words].slice(0, 60).join("")}…` : words;
  const refused: Place = {
    markdown: (await replyText(body, title)) ?? "",
    check: (document) => {
      const paragraphs = allNodes(document).filter((node) => node.type === "paragraph");
      return checkRegions(
        [
          { place: "reply quoting the command", nodes: paragraphs[0]?.children ?? [], expected: shownInMarkdown(line.text) },
          {
            place: "reply quoting a bad argument",
            // After the argument: `". Usage: `, then the app's code spans of the usage and of `/help`.
            nodes: paragraphs[1]?.children.slice(0, -4) ?? [],
            expected: `It takes no arguments, but got "${shownInMarkdown(short)}". Usage: `,
            ownSuffix: '". Usage: ',
          },
        ],
        title,
      );
    },
  };
  return [added, refused];
}

/** The app's reply to a comment on the meeting issue, rendered; items it looks up are open and have this title. */
export async function reply(body: string, title = "An item"): Promise<RenderedNode | undefined> {
  const text = await replyText(body, title);
  return text === undefined ? undefined : renderGitHubMarkdown(text);
}

async function replyText(body: string, title: string): Promise<string | undefined> {
  let posted: string | undefined;
  const github: CommandGitHub = {
    maySteer: async () => true,
    acknowledge: async () => {},
    reply: async (text) => {
      posted = text;
    },
    checkItems: async (refs) => ({ items: refs.map((ref) => ({ ref, title, url: `https://github.com/${ref.repo}/issues/${ref.number}`, labels: [], open: true })) }),
    addAgendaLabel: async () => {},
    removeAgendaLabel: async () => {},
    findUser: async () => undefined,
  };
  await handleCommandComment({
    meeting: securityWgMeeting(),
    occurrence: march28,
    issue: { owner: "nodejs", repo: "security-wg", number: 1301 },
    github,
    webHost: "github.com",
    comment: { id: 1, body, user: { login: "RafaelGSS", type: "User" } },
    actions: fakeActions().actions,
    claim: async () => true,
    now: new Date("2024-03-26T09:00:00Z"),
  });
  return posted;
}

/** The config check's summary line of a meeting, which names it. */
function checkRunPlace(title: string): Place {
  const suffix = `): labels security-wg-agenda in org nodejs; from 2024-03-28T16:00 UTC, FREQ=WEEKLY;INTERVAL=2.`;
  return {
    markdown: describeMeeting(securityWgMeeting({ name: title })),
    check: (document) => {
      const [id, ...rest] = allNodes(document).find((node) => node.type === "paragraph")?.children ?? [];
      return checkRegions(
        [
          { place: "config check summary (the meeting id)", nodes: id?.type === "strong" ? id.children : [], expected: "security-wg" },
          { place: "config check summary", nodes: rest, expected: ` (${shownInMarkdown(title)}${suffix}`, ownCodeNodes: 1 },
        ],
        title,
      );
    },
  };
}

/** The pull request body, which names the meeting in its first paragraph. */
function pullRequestBodyPlace(title: string): Place {
  const meeting = securityWgMeeting({ name: title });
  const text = minutesPullRequestText(meeting, march28, "https://github.com/nodejs/security-wg/issues/1301", "meetings/2024-03-28.md");
  const suffix = ` meeting of ${march28.date}, drafted from its agenda as it stood when the meeting started.`;
  return {
    markdown: text.body,
    check: (document) => {
      const first = document.children[0];
      return checkRegions(
        [
          {
            place: "pull request body",
            nodes: first?.type === "paragraph" ? first.children : [],
            expected: `Minutes of the ${shownInMarkdown(title)}${suffix}`,
            ownPrefix: "Minutes of the ",
            ownSuffix: suffix,
          },
        ],
        title,
      );
    },
  };
}

/** The minutes pull request: its title and commit message are plain text, its body Markdown. */
function plainTextProblems(title: string): string[] {
  const meeting = securityWgMeeting({ name: title });
  const text = minutesPullRequestText(meeting, march28, "https://github.com/nodejs/security-wg/issues/1301", "meetings/2024-03-28.md");
  const [subject] = minutesCommitMessage(meeting, march28, "0".repeat(40)).split("\n");
  const expected = `Minutes: ${shownInPlainText(title)} ${march28.date}`;
  const problems: string[] = [];
  for (const [place, shown] of [
    ["pull request title", text.title],
    ["commit message", subject ?? ""],
  ] as const) {
    if (!equalsUpToAddedZeroWidthSpaces(shown, expected)) problems.push(`${place}: shows ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`);
    const links = githubLinksIn(shown);
    if (links.length > 0) problems.push(`${place}: GitHub finds ${links.join(", ")} in ${JSON.stringify(shown)}`);
  }
  return problems;
}
