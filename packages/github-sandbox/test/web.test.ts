import { renderMarkdown } from "../src/web/render-markdown.js";
import { Sandbox } from "../src/sandbox.js";
import { startSandboxServer, type SandboxServer } from "../src/server.js";
import { SERVER_SNAPSHOT } from "./server-fixtures.js";

let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer(Sandbox.fromSnapshot(SERVER_SNAPSHOT), { port: 0 });
});
afterAll(() => server.close());

test("Markdown keeps hidden comments hidden, renders task lists and links bare URLs", () => {
  expect(
  renderMarkdown(`<!-- agenda-drafter: {"meeting":"security-wg"} -->
## Agenda

- [ ] nodejs/security-wg#1255
- [x] Vulnerability Review
- not a task

See https://nodejs.org/calendar`)
).toMatchInlineSnapshot(`
"<!-- agenda-drafter: {"meeting":"security-wg"} -->
<h2>Agenda</h2>
<ul>
<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled> nodejs/security-wg#1255</li>
<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled checked> Vulnerability Review</li>
<li>not a task</li>
</ul>
<p>See <a href="https://nodejs.org/calendar">https://nodejs.org/calendar</a></p>
"
`);
});

test("Markdown drops scripts, event handlers and javascript: links but keeps GitHub's allowed HTML", () => {
  expect(
  renderMarkdown(`<details><summary>Notes</summary>

<script>alert("x")</script>
<img src="x.png" onerror="alert(1)" alt="chart">
<a href="javascript:alert(1)" title="t">link</a>

</details>`)
).toMatchInlineSnapshot(`
"<details><summary>Notes</summary>

<img src="x.png" alt="chart">
<a title="t">link</a>
</details>"
`);
});

test("the index lists repositories with their issues and pull requests", async () => {
  const response = await fetch(`${server.url}/`);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  const html = await response.text();
  expect(html).toContain('<a href="/nodejs/security-wg">nodejs/security-wg</a>');
  expect(html).toContain('<a href="/nodejs/security-wg/pull/1294">OpenSSF Scorecard Report Updated!</a>');
});

test("an issue page shows the body as GitHub would: comment hidden, checkboxes, no script", async () => {
  const html = await (await fetch(`${server.url}/nodejs/security-wg/issues/1260`)).text();
  expect(html).toContain("<!-- agenda-drafter:");
  expect(html).toContain('<input type="checkbox" class="task-list-item-checkbox" disabled checked> Vulnerability Review');
  expect(html).not.toMatch(/<script|onerror/);
});

test("a file page renders Markdown minutes; unknown pages are 404", async () => {
  const html = await (await fetch(`${server.url}/nodejs/security-wg/blob/main/meetings/2024-03-14.md`)).text();
  expect(html).toContain("<h1>Node.js Security team Meeting 2024-03-14</h1>");
  expect((await fetch(`${server.url}/nodejs/security-wg/issues/1294`)).status).toBe(404);
  expect((await fetch(`${server.url}/nodejs/nope`)).status).toBe(404);
});
