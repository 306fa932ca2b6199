import { renderTitle } from "../../src/render/render-title.js";
import { TemplateError } from "../../src/render/template-error.js";
import { securityWgAgenda, securityWgMeeting } from "./fixtures/security-wg-agenda.js";

const { occurrence } = securityWgAgenda();

function titleFor(title: string, name = "Node.js Security team"): string {
  const meeting = securityWgMeeting({ name, issue: { labels: [], closePrevious: true, title } });
  return renderTitle(meeting, occurrence);
}

describe("renderTitle", () => {
  test("the default title", () => {
    expect(titleFor("{{name}} Meeting {{date}}")).toBe("Node.js Security team Meeting 2024-03-28");
  });

  test("is cut to GitHub's 256 characters, with an ellipsis", () => {
    const title = titleFor("{{name}} Meeting {{date}}", "Working group ".repeat(30));
    expect(title).toHaveLength(256);
    expect(title).toBe(`${"Working group ".repeat(30).slice(0, 255)}…`);
    expect(titleFor("{{name}}", "x".repeat(256))).toBe("x".repeat(256));
    // Never half of a character outside the Basic Multilingual Plane.
    expect(titleFor("{{name}}", `${"x".repeat(254)}🔒🔒`)).toBe(`${"x".repeat(254)}…`);
  });

  test("may use the meeting id", () => {
    expect(titleFor("[{{id}}] {{date}}")).toBe("[security-wg] 2024-03-28");
  });

  test("is plain text: a name is not escaped as Markdown", () => {
    expect(titleFor("{{name}} Meeting {{date}}", "Q&A <Security> [WG]")).toBe("Q&A <Security> [WG] Meeting 2024-03-28");
  });

  test("a name that looks like a template stays text", () => {
    expect(titleFor("{{name}} {{date}}", "{{constructor.constructor 'alert(1)'}} {{id}}")).toBe(
      "{{constructor.constructor 'alert(1)'}} {{id}} 2024-03-28",
    );
  });

  test("line breaks in the result become spaces", () => {
    expect(titleFor("{{name}}\nMeeting {{date}}", "Node.js\r\nTSC")).toBe("Node.js TSC Meeting 2024-03-28");
  });

  test("a broken title template is a TemplateError for its key", () => {
    expect(() => titleFor("{{name} Meeting")).toThrow(TemplateError);
    expect(() => titleFor("{{name} Meeting")).toThrow(/^meetings\.security-wg\.issue\.title:1:7: syntax error: a `{{` tag that is not closed/);
  });

  test("a title that comes out empty is refused", () => {
    expect(() => titleFor("{{nam}}")).toThrow('meetings.security-wg.issue.title: "{{nam}}" gives an empty title.');
  });
});
