// A meeting that alternates two times a week apart, each with its own joining link: each
// occurrence's issue shows its own time and link, in the zones the group names as it reads them,
// with a time converter and the group's calendar.
import { meetingIssues, snapshotWith } from "./live-issue-app.js";
import { startDrafter, stepsDone, type DrafterStage } from "./drafter-app.js";

const CONFIG_PATH = ".github/agenda-drafter.yml";

const SNAPSHOT = snapshotWith((snapshot) => {
  const files = snapshot.orgs.nodejs.repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  files[CONFIG_PATH] = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule:
      timezone: UTC
      slots:
        - { start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2", links: { joining: "https://zoom.us/j/early" } }
        - { start: "2024-04-04T20:00", rrule: "FREQ=WEEKLY;INTERVAL=2", duration: 90, links: { joining: "https://zoom.us/j/late" } }
    links: { joining: "https://zoom.us/j/default", livestream: "https://www.youtube.com/c/nodejs+foundation/live", calendar: "https://nodejs.org/calendar" }
    link_labels: { calendar: Node.js Project Calendar }
    timezones: [{ zone: America/Los_Angeles, label: "US / Pacific" }, Europe/Berlin, { zone: Asia/Tokyo, label: "Japan *(JST)*" }]
`;
});

let stage: DrafterStage;
afterEach(async () => stage?.e2e.close());

test("the occurrences of two alternating slots each show their own time and joining link", async () => {
  stage = await startDrafter(SNAPSHOT);
  const { e2e } = stage;
  const [first] = meetingIssues(e2e);
  expect(first?.title).toBe("Node.js Security team Meeting 2024-03-28");
  expect(first?.body).toContain("**UTC Thu 28-Mar-2024 16:00** (04:00 PM)");
  expect(first?.body).toContain("* Link for participants: <https://zoom.us/j/early>\n");
  expect(first?.body).toContain("* For those who just want to watch: <https://www.youtube.com/c/nodejs+foundation/live>\n");

  e2e.clock.set("2024-03-28T17:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["freeze-agenda 2024-03-28", "open-minutes 2024-03-28"]);
  // The late slot's issue appears at its own lead time, three days before 20:00.
  e2e.clock.set("2024-04-01T19:59:00Z");
  expect(stepsDone(await stage.tick())).toEqual([]);
  e2e.clock.set("2024-04-01T20:00:00Z");
  expect(stepsDone(await stage.tick())).toEqual(["create-issue 2024-04-04", "close-issue 2024-03-28 for 2024-04-04"]);
  const second = meetingIssues(e2e).find((issue) => issue.title === "Node.js Security team Meeting 2024-04-04");
  expect(second?.body).toContain("**UTC Thu 04-Apr-2024 20:00** (08:00 PM)");
  expect(second?.body).toContain(
    [
      "| Timezone | Date/Time |",
      "|----------|-----------|",
      "| US / Pacific | Thu 04-Apr-2024 13:00 (01:00 PM) |",
      "| Europe/Berlin | Thu 04-Apr-2024 22:00 (10:00 PM) |",
      "| Japan \\*(JST)\\* | Fri 05-Apr-2024 05:00 (05:00 AM) |",
    ].join("\n"),
  );
  expect(second?.body).toContain(
    "Or in your local time:\n\n" +
      "* <https://www.timeanddate.com/worldclock/fixedtime.html?msg=Node.js%20Security%20team%20Meeting%202024-04-04&iso=20240404T2000&p1=1440>\n" +
      "* Node.js Project Calendar: <https://nodejs.org/calendar>\n",
  );
  expect(second?.body).toContain("* Link for participants: <https://zoom.us/j/late>\n");
  expect(second?.body).not.toContain("zoom.us/j/early");
});
