// The feeds and pages on the sandbox: served by the app's own server, read back with ical.js,
// following the meeting issue's commands, conditional on ETag, never showing a private home repo
// without its token, and with every link on the page resolving on the sandbox.
import ICAL from "ical.js";
import { startDrafter, type DrafterStage } from "./drafter-app.js";
import { meetingIssue, snapshotWith } from "./live-issue-app.js";
import { TEST_STATE_SIGNER } from "../fixtures/state-signer.js";
import { pageLinks, resolvesOnStage } from "./page-links.js";

// Two stages, each shared by its tests: starting one costs more than the tests on it.
let stage: DrafterStage;

const SERIES_UID = "security-wg.security-wg.nodejs@agenda-drafter";
const PRIVATE_CONFIG = `meetings:
  advisories:
    name: Embargoed advisories triage
    schedule: { timezone: Europe/Berlin, start: "2024-03-27T10:00", rrule: "FREQ=WEEKLY" }
`;

function withPrivateHomeRepoAndCalendarFile(): string {
  return snapshotWith((snapshot) => {
    const repo = snapshot.orgs.nodejs.repos["security-advisories"]!;
    repo.files = { ...repo.files, ".github/agenda-drafter.yml": PRIVATE_CONFIG };
    const files = snapshot.orgs.nodejs.repos["security-wg"]!.files!;
    files[".github/agenda-drafter.yml"] = `${files[".github/agenda-drafter.yml"]}    calendar: { path: meetings.ics }\n`;
  });
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stage.e2e.appUrl}${path}`, { headers });
}

function events(feed: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(feed) as unknown[]).getAllSubcomponents("vevent");
}

describe("the Security WG's home repo", () => {
  beforeAll(async () => (stage = await startDrafter()));
  afterAll(async () => stage?.e2e.close());

  test("the org's page shows the next meeting, its live agenda and links that all resolve on the sandbox", async () => {
    const { e2e } = stage;
    const issue = meetingIssue(e2e);
    const response = await get("/agenda-drafter/nodejs/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h2 id=\"meeting-nodejs-security-wg-security-wg\">Node.js Security team</h2>");
    expect(html).toContain('<time datetime="2024-03-28T16:00:00.000Z" data-local>Thursday 28 March 2024, 16:00 UTC</time>');
    expect(html).toContain(">Node.js Security Initiatives 2024</a>");
    expect(html).not.toContain("Embargoed");
    const links = pageLinks(html);
    expect(links).toContain(`https://github.com/nodejs/security-wg/issues/${issue.number}`);
    expect(links).toContain("/agenda-drafter/calendar/nodejs/security-wg.ics");
    for (const link of links) expect(`${link} ${await resolvesOnStage(e2e, link)}`).toBe(`${link} 200`);
    for (const path of ["/agenda-drafter/", "/agenda-drafter/nodejs/security-wg/"]) expect((await get(path)).status).toBe(200);
    expect((await get("/agenda-drafter/nodejs/no-such-repo/")).status).toBe(404);
  });

  test("the org's feed has the series and the meeting issue's occurrence, and follows /meeting reschedule", async () => {
    const { e2e } = stage;
    const issue = meetingIssue(e2e);
    const response = await get("/agenda-drafter/calendar/nodejs.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const etag = response.headers.get("etag")!;
    const feed = await response.text();
    const [series, occurrence] = events(feed);
    expect(series!.getFirstPropertyValue("uid")).toBe(SERIES_UID);
    expect(String(series!.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;INTERVAL=2");
    expect(occurrence!.getFirstPropertyValue("url")).toBe(`https://github.com/nodejs/security-wg/issues/${issue.number}`);
    expect(String(occurrence!.getFirstPropertyValue("recurrence-id"))).toBe("2024-03-28T16:00:00Z");

    const again = await get("/agenda-drafter/calendar/nodejs.ics", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await e2e.as("mhdawson").rest.issues.createComment({ owner: "nodejs", repo: "security-wg", issue_number: issue.number, body: "/meeting reschedule 2024-03-29 17:00" });
    await e2e.settle();
    // The feed is read from GitHub again once its five minutes are up.
    e2e.clock.advance("PT6M");
    const moved = await get("/agenda-drafter/calendar/nodejs/security-wg.ics", { "if-none-match": etag });
    expect(moved.status).toBe(200);
    const override = events(await moved.text())[1]!;
    expect(String(override.getFirstPropertyValue("dtstart"))).toBe("2024-03-29T17:00:00Z");
    expect(override.getFirstPropertyValue("sequence")).toBe(1);
  });
});

describe("a private home repo beside it, and calendar.path", () => {
  beforeAll(async () => (stage = await startDrafter(withPrivateHomeRepoAndCalendarFile())));
  afterAll(async () => stage?.e2e.close());

  test("a private home repo is in no public feed, and its own feed needs its token", async () => {
    const orgFeed = await (await get("/agenda-drafter/calendar/nodejs.ics")).text();
    expect(orgFeed).not.toContain("Embargoed");
    expect(orgFeed).toContain(SERIES_UID);
    expect((await get("/agenda-drafter/calendar/nodejs/security-advisories.ics")).status).toBe(404);
    expect((await get("/agenda-drafter/calendar/nodejs/security-advisories.ics?token=guess")).status).toBe(404);
    const token = TEST_STATE_SIGNER.feedToken("nodejs/security-advisories");
    const own = await get(`/agenda-drafter/calendar/nodejs/security-advisories.ics?token=${token}`);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toMatch(/^private/);
    expect(await own.text()).toContain("SUMMARY:Embargoed advisories triage");
    expect(await (await get("/agenda-drafter/nodejs/")).text()).not.toContain("Embargoed");
  });

  test("calendar.path: the tick commits the home repo's feed when it changed, and only then", async () => {
    const { e2e } = stage;
    await stage.tick();
    const committed = e2e.file("nodejs/security-wg", "meetings.ics");
    expect(committed).toBe(await (await get("/agenda-drafter/calendar/nodejs/security-wg.ics")).text());
    expect(committed).toContain(`URL;VALUE=URI:https://github.com/nodejs/security-wg/issues/${meetingIssue(e2e).number}`);

    const writes = e2e.appWrites().length;
    await stage.tick();
    expect(e2e.appWrites().slice(writes).filter((request) => request.path.endsWith("/contents/meetings.ics"))).toEqual([]);
  });
});
