import { buildAgenda } from "../../src/agenda/build-agenda.js";
import type { Agenda, AgendaItem, RepoFullName } from "../../src/model.js";
import { march28, securityWgMeeting } from "../fixtures/security-wg-meeting.js";

function item(repo: RepoFullName, number: number, title: string): AgendaItem {
  return {
    repo,
    number,
    kind: "issue",
    title,
    url: `https://github.com/${repo}/issues/${number}`,
    author: "mhdawson",
    labels: ["tsc-agenda"],
    createdAt: "2024-03-01T12:00:00Z",
    updatedAt: "2024-03-20T12:00:00Z",
  };
}

const corepackDecisions = item("nodejs/TSC", 1518, "Corepack decisions");
const summits = item("nodejs/admin", 814, "Events / Collaborator Summits for 2024");
const removeNpm = item("nodejs/corepack", 418, "fix: remove npm");
const redesign = item(
  "nodejs/nodejs.org",
  6441,
  "Redesign suggests all versions of Node.js include corepack",
);
const placeholder = item("nodejs/node", 52107, "doc: add policy for “placeholder” executables");
const removeCorepack = item("nodejs/node", 51981, "deps: remove corepack");
const yarnPnpm = item(
  "nodejs/node",
  51886,
  "build: enable `yarn` and `pnpm` Corepack binaries by default",
);

const collected = [
  corepackDecisions,
  yarnPnpm,
  summits,
  placeholder,
  removeNpm,
  redesign,
  removeCorepack,
];

/** Repos, then their item numbers, with " new" on items marked new. */
function outline(agenda: Agenda): string[] {
  return agenda.groups.flatMap((group) => [
    group.repo,
    ...group.items.map((item) => `  #${item.number}${item.isNew ? " new" : ""}`),
  ]);
}

describe("buildAgenda", () => {
  test("groups by repository, alphabetically regardless of case, newest first", () => {
    const agenda = buildAgenda(securityWgMeeting(), march28, collected);
    expect(outline(agenda)).toMatchInlineSnapshot(`
      [
        "nodejs/admin",
        "  #814",
        "nodejs/corepack",
        "  #418",
        "nodejs/node",
        "  #52107",
        "  #51981",
        "  #51886",
        "nodejs/nodejs.org",
        "  #6441",
        "nodejs/TSC",
        "  #1518",
      ]
    `);
  });

  test("repoOrder comes first, in its order, then the rest alphabetically", () => {
    const meeting = securityWgMeeting({
      repoOrder: ["nodejs/node", "nodejs/tsc", "nodejs/release", "nodejs/nodejs.org"],
    });
    const agenda = buildAgenda(meeting, march28, collected);
    expect(agenda.groups.map((group) => group.repo)).toEqual([
      "nodejs/node",
      "nodejs/TSC",
      "nodejs/nodejs.org",
      "nodejs/admin",
      "nodejs/corepack",
    ]);
  });

  test("marks items that were not on the previous agenda", () => {
    const items = [corepackDecisions, placeholder, yarnPnpm];
    const agenda = buildAgenda(securityWgMeeting(), march28, items, {
      previous: [
        { repo: "nodejs/tsc", number: 1518 },
        { repo: "nodejs/node", number: 51886 },
        { repo: "nodejs/node", number: 50000 },
      ],
    });
    expect(outline(agenda)).toMatchInlineSnapshot(`
      [
        "nodejs/node",
        "  #52107 new",
        "  #51886",
        "nodejs/TSC",
        "  #1518",
      ]
    `);
  });

  test("without a previous agenda nothing is marked", () => {
    const agenda = buildAgenda(securityWgMeeting(), march28, [placeholder]);
    expect(agenda.groups[0]?.items[0]).not.toHaveProperty("isNew");
  });

  test("an empty previous agenda makes everything new", () => {
    const agenda = buildAgenda(securityWgMeeting(), march28, [placeholder], { previous: [] });
    expect(agenda.groups[0]?.items[0]?.isNew).toBe(true);
  });

  test("search URLs default to none, or come from the options", () => {
    const meeting = securityWgMeeting();
    const plain = buildAgenda(meeting, march28, []);
    expect(plain).toMatchObject({
      groups: [],
      searchUrls: [],
      meeting,
      occurrence: march28,
    });

    const searchUrls = [
      "https://github.com/search?q=is%3Aopen+is%3Apublic+label%3Asecurity-wg-agenda+org%3Anodejs&type=issues",
    ];
    expect(buildAgenda(meeting, march28, [], { searchUrls }).searchUrls).toEqual(searchUrls);
  });

  test("leaves the collected items untouched", () => {
    const items = [yarnPnpm, placeholder];
    buildAgenda(securityWgMeeting(), march28, items, { previous: [] });
    expect(items).toEqual([yarnPnpm, placeholder]);
    expect(yarnPnpm).not.toHaveProperty("isNew");
  });
});
