import { minutesPullRequestText } from "../../../src/publish/minutes/minutes-pull-request-text.js";
import { securityWgAgenda, securityWgMeeting } from "../../render/fixtures/security-wg-agenda.js";

const { occurrence } = securityWgAgenda();
const issueUrl = "https://github.com/nodejs/security-wg/issues/1260";

test("the minutes pull request's title is cut to GitHub's 256 characters, with an ellipsis", () => {
  const short = minutesPullRequestText(securityWgMeeting(), occurrence, issueUrl, "meetings/2024-03-28.md");
  expect(short.title).toBe("Minutes: Node.js Security team 2024-03-28");
  const long = minutesPullRequestText(securityWgMeeting({ name: "Working group ".repeat(30) }), occurrence, issueUrl, "meetings/2024-03-28.md");
  expect(long.title).toHaveLength(256);
  expect(long.title.startsWith("Minutes: Working group Working group")).toBe(true);
  expect(long.title.endsWith("…")).toBe(true);
});
