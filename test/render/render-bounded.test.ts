// A meeting's own template may grow without end: inline partials that call each other double the
// output at each level. Its render runs in a worker, bounded in time, memory and output, and the
// app's main thread goes on meanwhile.
import { renderMeeting } from "../../src/render/render-meeting.js";
import { TemplateError } from "../../src/render/template-error.js";
import { securityWgAgenda } from "./fixtures/security-wg-agenda.js";

const FILE = ".github/agenda-drafter/issue.md.hbs";

/** Inline partials `p0`…`p<depth>`, each calling the one below it twice: 10 × 2^depth characters. */
function doublingPartials(depth: number): string {
  const levels = Array.from({ length: depth }, (_, level) => `{{#*inline "p${level + 1}"}}{{> p${level}}}{{> p${level}}}{{/inline}}`);
  return [`{{#*inline "p0"}}0123456789{{/inline}}`, ...levels, `{{> p${depth}}}`, "{{> agenda}}"].join("\n");
}

function renderOwn(issue: string) {
  return renderMeeting({ agenda: securityWgAgenda(), templates: { issue }, templateFiles: { issue: FILE } });
}

test("nested partials of depth 24 are stopped and reported, while the main thread goes on", async () => {
  const settled: string[] = [];
  const render = renderOwn(doublingPartials(24)).catch((error: unknown) => error);
  void render.then(() => settled.push("render"));
  // The main thread is free meanwhile: a short timer fires before the render is given up.
  await new Promise((resolve) => setTimeout(resolve, 50));
  settled.push("timer");

  const error = await render;
  expect(settled).toEqual(["timer", "render"]);
  expect(error).toBeInstanceOf(TemplateError);
  expect((error as TemplateError).file).toBe(FILE);
  expect((error as TemplateError).message).toMatch(
    /^\.github\/agenda-drafter\/issue\.md\.hbs: (took longer than 2 s to render|needs more than 64 MB to render|renders more than 1,000,000 characters)/,
  );
}, 30_000);


test("a template whose output passes 1,000,000 characters is stopped", async () => {
  // 10 × 2^17 = 1,310,720 characters: quick to make, too big to keep.
  await expect(renderOwn(doublingPartials(17))).rejects.toThrow(`${FILE}: renders more than 1,000,000 characters and was stopped`);
}, 10_000);

test("a template within the limits renders as before", async () => {
  const rendered = await renderOwn(`${doublingPartials(4)}\n`);
  expect(rendered.issueBody).toContain(`${"0123456789".repeat(16)}<!-- agenda-drafter:agenda:start -->`);
  expect(rendered.issueBody).toContain("<!-- agenda-drafter:agenda:start -->");
});

test("a helper that fails while rendering is a TemplateError", async () => {
  await expect(renderOwn("{{#each}}x{{/each}}")).rejects.toThrow(TemplateError);
});
