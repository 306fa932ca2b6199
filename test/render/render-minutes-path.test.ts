import { renderMinutesPath } from "../../src/render/render-minutes-path.js";
import { UserError } from "../../src/errors.js";
import { TemplateError } from "../../src/render/template-error.js";
import { securityWgAgenda, securityWgMeeting } from "./fixtures/security-wg-agenda.js";

const { occurrence } = securityWgAgenda();

function pathFor(path: string): string {
  return renderMinutesPath(securityWgMeeting({ minutes: { path, open: "after_meeting" } }), occurrence);
}

describe("renderMinutesPath", () => {
  test("fills the date", () => {
    expect(pathFor("meetings/{{date}}.md")).toBe("meetings/2024-03-28.md");
  });

  test("fills the meeting id", () => {
    expect(pathFor("doc/meetings/{{id}}/{{date}}.md")).toBe("doc/meetings/security-wg/2024-03-28.md");
  });

  test.each([
    ["../other-repo/{{date}}.md", "leaves the repository through .."],
    ["meetings/../../{{date}}.md", "leaves the repository through .."],
    ["/meetings/{{date}}.md", "is absolute"],
    ["meetings\\archive/{{date}}.md", "contains a backslash"],
    ["meetings//{{date}}.md", "has an empty or . folder"],
    ["./meetings/{{date}}.md", "has an empty or . folder"],
    ["meetings/", "names a folder"],
    [".git/hooks/{{date}}", "is inside .git"],
    ["{{missing}}", "is empty"],
  ])("rejects %s", (path, problem) => {
    expect(() => pathFor(path)).toThrow(UserError);
    expect(() => pathFor(path)).toThrow(problem);
  });

  test("says which meeting and key, and what the path became", () => {
    expect(() => pathFor("../{{date}}.md")).toThrow(
      'meetings.security-wg.minutes.path: "../{{date}}.md" gives "../2024-03-28.md", which leaves the repository through ...',
    );
  });

  test("a path that is not a valid template is a TemplateError for its key", () => {
    expect(() => pathFor("meetings/{{date}.md")).toThrow(TemplateError);
    expect(() => pathFor("meetings/{{date}.md")).toThrow(/^meetings\.security-wg\.minutes\.path:1:16: syntax error: a `{{` tag that is not closed/);
  });
});
