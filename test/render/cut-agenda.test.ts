import { cutAgenda, fewestHidden } from "../../src/render/cut-agenda.js";
import { renderMeeting } from "../../src/render/render-meeting.js";
import type { AgendaGroup } from "../../src/model.js";
import { securityWgAgenda, securityWgItem, securityWgMeeting } from "./fixtures/security-wg-agenda.js";

function group(repo: `${string}/${string}`, count: number): AgendaGroup {
  return { repo, items: Array.from({ length: count }, (_, index) => ({ ...securityWgItem(100 + count - index, `Item ${100 + count - index}`), repo })) };
}

const agenda = { ...securityWgAgenda(), groups: [group("nodejs/node", 6), group("nodejs/undici", 3), group("nodejs/security-wg", 1)] };
const sizes = (groups: AgendaGroup[]) => groups.map((kept) => `${kept.repo} ${kept.items.map((item) => item.number).join(",")}`);

describe("cutAgenda", () => {
  test("the longest lists lose their oldest items first, each group keeping its newest", () => {
    expect(sizes(cutAgenda(agenda, 3).groups)).toEqual(["nodejs/node 106,105,104", "nodejs/undici 103,102,101", "nodejs/security-wg 101"]);
    expect(sizes(cutAgenda(agenda, 5).groups)).toEqual(["nodejs/node 106,105", "nodejs/undici 103,102", "nodejs/security-wg 101"]);
    expect(cutAgenda(agenda, 5).hiddenItems).toBe(5);
    expect(cutAgenda(agenda, 0)).toBe(agenda);
    expect(cutAgenda(agenda, 99).groups).toEqual([]);
    expect(cutAgenda(agenda, 99).hiddenItems).toBe(10);
  });
});

test("fewestHidden finds the fewest items to leave out for a text to fit", () => {
  expect(fewestHidden(10, () => true)).toBe(0);
  expect(fewestHidden(10, (hidden) => hidden >= 7)).toBe(7);
  expect(fewestHidden(10, () => false)).toBeUndefined();
  expect(fewestHidden(0, () => false)).toBeUndefined();
});

describe("the agenda says what it lacks", () => {
  test("items left out to fit, with the search that lists them all", async () => {
    const rendered = await renderMeeting({ agenda });
    const cut = rendered.agendaCut.cut(4);
    // node goes from 6 to 3, then loses the tie with undici (the first of the longest in display order).
    expect(cut.agendaItems).toEqual(["nodejs/node#106", "nodejs/node#105", "nodejs/undici#103", "nodejs/undici#102", "nodejs/undici#101", "nodejs/security-wg#101"]);
    expect(cut.agendaMarkdown.split("\n").at(-2)).toBe(
      `*Not shown here, to stay within GitHub's 65,536 characters: 4 more labelled items, the oldest of the longest lists. [See all items on GitHub](${agenda.searchUrls[0]}).*`,
    );
    expect(rendered.agendaMarkdown).not.toContain("Not shown here");
  });

  test("search's cap of 1,000 results", async () => {
    const rendered = await renderMeeting({ agenda: { ...agenda, truncated: true } });
    expect(rendered.agendaMarkdown.trimEnd().split("\n").at(-1)).toBe(
      `*GitHub search returns at most 1,000 items per search, and more are labelled: this agenda lacks the rest. [See them on GitHub](${agenda.searchUrls[0]}).*`,
    );
    expect(rendered.minutesBody).toContain("GitHub search returns at most 1,000 items per search");
    expect((await renderMeeting({ agenda })).agendaMarkdown).not.toContain("1,000");
  });

  test("the minutes are cut the same way to fit 65,536 characters", async () => {
    const many = { ...securityWgAgenda(securityWgMeeting()), groups: [group("nodejs/node", 900)] };
    const long = { ...many, groups: many.groups.map((kept) => ({ ...kept, items: kept.items.map((item) => ({ ...item, title: `${item.title} ${"x".repeat(100)}` })) })) };
    const rendered = await renderMeeting({ agenda: long });
    expect(rendered.minutesBody.length).toBeLessThanOrEqual(65_536);
    expect(rendered.minutesBody).toMatch(/\*Not shown here, to stay within GitHub's 65,536 characters: \d+ more labelled items/);
    expect(rendered.minutesBody).toContain("[#1000](");
  });
});
