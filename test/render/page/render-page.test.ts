import { describe, expect, test } from "@jest/globals";
import { renderPage } from "../../../src/render/page/render-page.js";
import { HOSTILE_TITLES, pageEntry } from "./page-fixtures.js";

const NOW = new Date("2024-03-18T12:00:00Z");

/** What an HTML parser makes of the escaped text: the five entities the page writes, decoded. */
function decode(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe("the meetings page", () => {
  const html = renderPage({ owner: "nodejs", feedUrl: "/agenda-drafter/calendar/nodejs.ics", entries: [pageEntry()], now: NOW });

  test("shows every hostile title as its characters, and nothing of it as markup", () => {
    // One script, the page's own; no attribute the titles brought; no javascript: link.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|href="javascript|onerror="|onmouseover='/i);
    for (const title of HOSTILE_TITLES) {
      const shown = title.replace(/[\u202A-\u202E]/g, "");
      expect(decode(html)).toContain(shown);
      expect(html).not.toContain(shown.includes("<") || shown.includes('"') || shown.includes("'") ? shown : "\u0000");
    }
    expect(html).not.toMatch(/[\u202A-\u202E]/);
  });

  test("a configured link that is not http(s) is shown as text, never as a link", () => {
    const page = renderPage({ entries: [pageEntry({ links: { joining: "javascript:alert(1)", notes: "https://example.org/notes" } })], now: NOW });
    expect(page).not.toContain('href="javascript');
    expect(page).toContain("Join the meeting");
    expect(page).toContain('<a href="https://example.org/notes">Notes</a>');
  });

  test("has landmarks, one h1 and a heading per meeting, and a time the browser can convert", () => {
    for (const landmark of ["<header>", "<main>", "<footer>", '<nav aria-label="Breadcrumb">']) expect(html).toContain(landmark);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="meeting-nodejs-tsc-tsc">Node.js TSC</h2>');
    expect(html).toContain('<time datetime="2024-03-20T20:00:00.000Z" data-local>Wednesday 20 March 2024, 16:00 (America/New_York)</time>');
  });

  test("links the meeting issue, the joining link, the feed, and the past meeting's minutes", () => {
    expect(html).toContain('<a href="https://github.com/nodejs/tsc/issues/20240320">Meeting issue</a>');
    expect(html).toContain('<a href="https://zoom.us/j/tsc">Join the meeting</a>');
    expect(html).toContain('<a href="/agenda-drafter/calendar/nodejs/tsc.ics">Calendar feed</a>');
    expect(html).toContain('<a href="https://github.com/nodejs/tsc/pull/7">minutes</a>');
    expect(html).toContain('<link rel="alternate" type="text/calendar"');
  });

  test("says discussions are not listed when GitHub refused to search them, as the meeting issue does", () => {
    const note = "Discussions are not listed: GitHub refused to search them, as the app lacks the Discussions permission.";
    expect(html).not.toContain(note);
    const entry = pageEntry();
    const unread = { ...entry, next: { ...entry.next!, agenda: { ...entry.next!.agenda!, discussionsUnread: true as const } } };
    expect(renderPage({ entries: [unread], now: NOW })).toContain(`<p>${note}</p>`);
  });
});
