// The fixture with the security team's meeting pinning its issue (`issue.pin`), for the pinning end-to-end tests.
import { snapshotWith } from "./live-issue-app.js";

export const PINNING_SNAPSHOT = snapshotWith((snapshot) => {
  const files = snapshot.orgs.nodejs.repos["security-wg"]?.files;
  if (!files) throw new Error("the snapshot has no nodejs/security-wg files");
  // Two days' lead: the app's start, two and a half days before the meeting, creates no issue.
  files[".github/agenda-drafter.yml"] = `meetings:
  security-wg:
    name: Node.js Security team
    agenda_labels: [security-wg-agenda]
    schedule: { timezone: UTC, start: "2024-03-28T16:00", rrule: "FREQ=WEEKLY;INTERVAL=2" }
    lead_time: 2d
    issue: { pin: true }
`;
});
