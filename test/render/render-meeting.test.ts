import MarkdownIt from "markdown-it";
import { renderMeeting } from "../../src/render/render-meeting.js";
import { AGENDA_MARKERS } from "../../src/render/agenda-markers.js";
import { TemplateError } from "../../src/render/template-error.js";
import {
  securityWgAgenda,
  securityWgItem,
  securityWgItemLines,
  securityWgMeeting,
} from "./fixtures/security-wg-agenda.js";

const issueUrl = "https://github.com/nodejs/security-wg/issues/1260";

const withDefaults = await renderMeeting({
  agenda: securityWgAgenda(),
  issueUrl,
  attendees: [{ login: "mhdawson", name: "Michael Dawson" }, { login: "RafaelGSS", name: null }],
});

describe("renderMeeting with the default templates", () => {
  const rendered = withDefaults;

  test("title and minutes path", () => {
    expect(rendered.title).toBe("Node.js Security team Meeting 2024-03-28");
    expect(rendered.minutesPath).toBe("meetings/2024-03-28.md");
  });

  test("the meeting issue", () => {
    expect(rendered.issueBody).toMatchInlineSnapshot(`
"## Time

**UTC Thu 28-Mar-2024 16:00** (04:00 PM):

| Timezone | Date/Time |
|----------|-----------|
| America/Los_Angeles | Thu 28-Mar-2024 09:00 (09:00 AM) |
| America/New_York | Thu 28-Mar-2024 12:00 (12:00 PM) |
| Europe/London | Thu 28-Mar-2024 16:00 (04:00 PM) |
| Europe/Berlin | Thu 28-Mar-2024 17:00 (05:00 PM) |
| Asia/Kolkata | Thu 28-Mar-2024 21:30 (09:30 PM) |
| Asia/Tokyo | Fri 29-Mar-2024 01:00 (01:00 AM) |
| Australia/Sydney | Fri 29-Mar-2024 03:00 (03:00 AM) |

Or in your local time:

* <https://www.timeanddate.com/worldclock/fixedtime.html?msg=Node.js%20Security%20team%20Meeting%202024-03-28&iso=20240328T1600&p1=1440>
* Calendar: <https://nodejs.org/calendar>

## Links

* Minutes: the minutes pull request will be linked here once it is open.

## Invited

* Security team: @​nodejs/security-wg

### Observers/Guests

* Anyone is welcome to watch; to take part, comment on this issue.

## Agenda

<!-- agenda-drafter:agenda:start -->
*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=org%3Anodejs+label%3Asecurity-wg-agenda+is%3Aopen&type=issues)

- [ ] Vulnerability Review - <https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues>

- [ ] OpenSSF Scorecard Monitor Review - <https://github.com/nodejs/security-wg/issues?q=is%3Aissue+OpenSSF+Scorecard+Report+Updated%21+>

### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)

* Proposed approach for build steps in deps which are not in make node [#1236](https://github.com/nodejs/security-wg/issues/1236)

* Security initiative in December 2023: fuzzing Nodejs: [#1159](https://github.com/nodejs/security-wg/issues/1159)

* Audit build process for dependencies [#1037](https://github.com/nodejs/security-wg/issues/1037)

* Initiative for CII-Best-Practices for Nodejs Projects [#953](https://github.com/nodejs/security-wg/issues/953)

* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)
<!-- agenda-drafter:agenda:end -->

## Joining the meeting

* Link for participants: <https://zoom.us/j/000000000>
* For those who just want to watch: <https://www.youtube.com/c/nodejs+foundation/live>

---

Please use the following emoji reactions in this post to indicate your availability.

* 👍 - Attending
* 👎 - Not attending
* 😕 - Not sure yet
"
`);
  });

  test("the minutes skeleton", () => {
    expect(rendered.minutesBody).toMatchInlineSnapshot(`
"# Node.js Security team Meeting 2024-03-28

## Links

* **Recording**:
* **GitHub Issue**: <https://github.com/nodejs/security-wg/issues/1260>

## Present

* Michael Dawson (@​mhdawson)
* @​RafaelGSS

## Agenda

## Announcements

*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=org%3Anodejs+label%3Asecurity-wg-agenda+is%3Aopen&type=issues)

- [ ] Vulnerability Review - <https://github.com/nodejs/nodejs-dependency-vuln-assessments/issues>

- [ ] OpenSSF Scorecard Monitor Review - <https://github.com/nodejs/security-wg/issues?q=is%3Aissue+OpenSSF+Scorecard+Report+Updated%21+>

### nodejs/security-wg

* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)

* Proposed approach for build steps in deps which are not in make node [#1236](https://github.com/nodejs/security-wg/issues/1236)

* Security initiative in December 2023: fuzzing Nodejs: [#1159](https://github.com/nodejs/security-wg/issues/1159)

* Audit build process for dependencies [#1037](https://github.com/nodejs/security-wg/issues/1037)

* Initiative for CII-Best-Practices for Nodejs Projects [#953](https://github.com/nodejs/security-wg/issues/953)

* Permission Model - Roadmap [#898](https://github.com/nodejs/security-wg/issues/898)

## Q&A, Other

## Upcoming Meetings

* **Calendar**: <https://nodejs.org/calendar>
"
`);
  });

  test("every item line appears verbatim in both the issue and the minutes", () => {
    const issueLines = rendered.issueBody.split("\n");
    const minutesLines = rendered.minutesBody.split("\n");
    for (const line of securityWgItemLines) {
      expect(issueLines).toContain(line);
      expect(minutesLines).toContain(line);
    }
  });

  test("the issue holds the agenda between its markers, exactly as agendaMarkdown", () => {
    expect(rendered.issueBody).toContain(`${AGENDA_MARKERS.start}\n${rendered.agendaMarkdown}${AGENDA_MARKERS.end}\n`);
    expect(rendered.agendaMarkdown).not.toContain("<!--");
    expect(rendered.minutesBody).not.toContain("<!--");
  });
});

describe("renderMeeting: the issue as the meeting approaches", () => {
  test("links the minutes pull request once it exists", async () => {
    const { issueBody } = await renderMeeting({
      agenda: securityWgAgenda(),
      minutesPullRequestUrl: "https://github.com/nodejs/security-wg/pull/1261",
    });
    expect(issueBody).toContain("## Links\n\n* Minutes: <https://github.com/nodejs/security-wg/pull/1261>\n");
    expect(issueBody).not.toContain("will be linked here");
  });

  test("marks new items and draft pull requests in the issue only", async () => {
    const items = [
      securityWgItem(1262, "Discuss adding --security-revert to NODE_OPTIONS", { isNew: true }),
      securityWgItem(1263, "doc: threat model", { kind: "pull_request", draft: true, isNew: true, url: "https://github.com/nodejs/security-wg/pull/1263" }),
      securityWgItem(1255, "Node.js Security Initiatives 2024", { isNew: false }),
    ];
    const rendered = await renderMeeting({ agenda: securityWgAgenda(securityWgMeeting(), items) });
    expect(rendered.agendaMarkdown.split("\n").filter((line) => line.startsWith("* "))).toMatchInlineSnapshot(`
[
  "* Discuss adding --security-revert to NODE_OPTIONS [#1262](https://github.com/nodejs/security-wg/issues/1262) *(new)*",
  "* doc: threat model [#1263](https://github.com/nodejs/security-wg/pull/1263) (draft) *(new)*",
  "* Node.js Security Initiatives 2024 [#1255](https://github.com/nodejs/security-wg/issues/1255)",
]
`);
    expect(rendered.minutesBody).toContain("* doc: threat model [#1263](https://github.com/nodejs/security-wg/pull/1263)\n");
    expect(rendered.minutesBody).not.toMatch(/\(new\)|\(draft\)/);
  });

  test("names the repositories of a repos scope, and several labels", async () => {
    const meeting = securityWgMeeting({
      agendaLabels: ["tsc-agenda", "tsc-review"],
      scope: { orgs: [], repos: ["nodejs/node", "nodejs/TSC", "nodejs/admin"] },
    });
    const { agendaMarkdown } = await renderMeeting({ agenda: securityWgAgenda(meeting) });
    expect(agendaMarkdown.split("\n")[0]).toMatchInlineSnapshot(`"*Extracted from **tsc-agenda, tsc-review** labelled issues and pull requests from the **nodejs/node, nodejs/TSC and nodejs/admin** repositories prior to the meeting.*"`);
  });

  test("a cancelled occurrence says so first", async () => {
    const agenda = securityWgAgenda();
    const { issueBody } = await renderMeeting({ agenda: { ...agenda, occurrence: { ...agenda.occurrence, cancelled: true } } });
    expect(issueBody.startsWith("**This meeting is cancelled.**\n\n## Time\n")).toBe(true);
  });

  test("a meeting with no zones, guests, links or items keeps a tidy skeleton", async () => {
    const meeting = securityWgMeeting({ timezones: [], invited: [], standingItems: [], links: {} });
    const rendered = await renderMeeting({ agenda: { ...securityWgAgenda(meeting), groups: [] } });
    expect(rendered.issueBody).toMatchInlineSnapshot(`
"## Time

**UTC Thu 28-Mar-2024 16:00** (04:00 PM):

Or in your local time:

* <https://www.timeanddate.com/worldclock/fixedtime.html?msg=Node.js%20Security%20team%20Meeting%202024-03-28&iso=20240328T1600&p1=1440>

## Links

* Minutes: the minutes pull request will be linked here once it is open.

## Invited

### Observers/Guests

* Anyone is welcome to watch; to take part, comment on this issue.

## Agenda

<!-- agenda-drafter:agenda:start -->
*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=org%3Anodejs+label%3Asecurity-wg-agenda+is%3Aopen&type=issues)
<!-- agenda-drafter:agenda:end -->

## Joining the meeting

* The joining link will be shared here before the meeting.

---

Please use the following emoji reactions in this post to indicate your availability.

* 👍 - Attending
* 👎 - Not attending
* 😕 - Not sure yet
"
`);
    expect(rendered.minutesBody).toMatchInlineSnapshot(`
"# Node.js Security team Meeting 2024-03-28

## Links

* **Recording**:
* **GitHub Issue**:

## Present

## Agenda

## Announcements

*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=org%3Anodejs+label%3Asecurity-wg-agenda+is%3Aopen&type=issues)

## Q&A, Other

## Upcoming Meetings
"
`);
  });

  test("an unknown time zone is reported with the meeting", async () => {
    const meeting = securityWgMeeting({ timezones: ["Europe/Berlin", "Mars/Olympus"] });
    await expect(renderMeeting({ agenda: securityWgAgenda(meeting) })).rejects.toThrow(
      'Meeting "security-wg": timezones lists "Mars/Olympus", which is not an IANA time zone.',
    );
  });
});

const hostileTitles = [
  "[x](javascript:alert(1))",
  "Fix [the] brackets",
  "@everyone please look",
  "cc @nodejs/tsc",
  "<img src=x onerror=alert(1)>",
  "<!-- x -->",
  "--> closes a comment",
  "<!-- agenda-drafter:agenda:end -->",
  "{{constructor.constructor 'alert(1)'}}",
  "{{> agenda}}",
  "C:\\path\\to",
  "first line\n\n## not a heading\n* not an item",
  "# heading",
  "🔒 security release 🎉",
  "Can we have 'unsecure' & \"safe\" features?",
];
const items = hostileTitles.map((title, index) => securityWgItem(2000 - index, title));
const meeting = securityWgMeeting({
  name: "Node.js [Security] team",
  standingItems: [{ title: "Review @everyone's <b>queue</b>", url: "https://example.com/a (b)" }],
});
const hostile = await renderMeeting({
  agenda: securityWgAgenda(meeting, items),
  attendees: [{ login: "mhdawson", name: "[Michael](https://evil.example) @everyone" }],
});
describe("renderMeeting: hostile titles", () => {
  const rendered = hostile;
  const bodies = { issue: rendered.issueBody, minutes: rendered.minutesBody };

  test("each item is one line, as the escaper wrote it", () => {
    expect(rendered.agendaMarkdown).toMatchInlineSnapshot(`
"*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*
[See these items on GitHub](https://github.com/search?q=org%3Anodejs+label%3Asecurity-wg-agenda+is%3Aopen&type=issues)

- [ ] Review @​everyone's &lt;b>queue&lt;/b> - <https://example.com/a%20%28b%29>

### nodejs/security-wg

* \\[x\\](javascript:alert(1)) [#2000](https://github.com/nodejs/security-wg/issues/2000)

* Fix \\[the\\] brackets [#1999](https://github.com/nodejs/security-wg/issues/1999)

* @​everyone please look [#1998](https://github.com/nodejs/security-wg/issues/1998)

* cc @​nodejs/tsc [#1997](https://github.com/nodejs/security-wg/issues/1997)

* &lt;img src=x onerror=alert(1)> [#1996](https://github.com/nodejs/security-wg/issues/1996)

* &lt;!-- x --\\> [#1995](https://github.com/nodejs/security-wg/issues/1995)

* --\\> closes a comment [#1994](https://github.com/nodejs/security-wg/issues/1994)

* &lt;!-- agenda-drafter:​agenda:end --\\> [#1993](https://github.com/nodejs/security-wg/issues/1993)

* {{constructor.constructor 'alert(1)'}} [#1992](https://github.com/nodejs/security-wg/issues/1992)

* {{> agenda}} [#1991](https://github.com/nodejs/security-wg/issues/1991)

* C:\\\\path\\\\to [#1990](https://github.com/nodejs/security-wg/issues/1990)

* first line ## not a heading \\* not an item [#1989](https://github.com/nodejs/security-wg/issues/1989)

* \\# heading [#1988](https://github.com/nodejs/security-wg/issues/1988)

* 🔒 security release 🎉 [#1987](https://github.com/nodejs/security-wg/issues/1987)

* Can we have 'unsecure' & "safe" features? [#1986](https://github.com/nodejs/security-wg/issues/1986)
"
`);
  });

  test.each(Object.entries(bodies))("the %s pings nobody it should not", (_name, body) => {
    expect(body).not.toMatch(/@(?!\u200B)(everyone|nodejs\/tsc)/);
  });

  test.each(Object.entries(bodies))("the %s has no HTML from titles and no extra comment markers", (_name, body) => {
    expect(body).not.toMatch(/<(img|b|!-- x)/);
    const markers = _name === "issue" ? 2 : 0;
    expect(body.match(/<!--/g) ?? []).toHaveLength(markers);
    expect(body.match(/-->/g) ?? []).toHaveLength(markers);
  });

  test.each(Object.entries(bodies))("the %s shows template syntax in titles as text", (_name, body) => {
    expect(body).toContain("* {{constructor.constructor 'alert(1)'}} [#1992]");
    expect(body).toContain("* {{> agenda}} [#1991]");
    expect(body.match(/^### nodejs\/security-wg$/gm)).toHaveLength(1);
  });

  test("no title starts a block: every item line still begins with the item marker", () => {
    const agendaLines = rendered.agendaMarkdown.split("\n").filter((line) => line !== "");
    expect(agendaLines.filter((line) => !/^(\* |- \[ \] |### |\*Extracted|\[See these items on GitHub)/.test(line))).toEqual([]);
    expect(rendered.agendaMarkdown).toContain("* \\# heading [#1988]");
  });

  test.each(Object.entries(bodies))("the %s, read as Markdown, links only the items and the config's URLs", (_name, body) => {
    const html = new MarkdownIt({ html: true }).render(body);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.filter((href) => !href?.startsWith("https://"))).toEqual([]);
    expect(hrefs.filter((href) => href?.startsWith("https://github.com/nodejs/security-wg/issues/"))).toHaveLength(items.length);
    expect(html).not.toMatch(/<(img|b>|h1>[^<]*heading|script)/);
    expect(html.match(/<h2>not a heading/)).toBeNull();
  });

  test("the title, names and URLs from config are escaped too", () => {
    expect(rendered.title).toBe("Node.js [Security] team Meeting 2024-03-28");
    expect(rendered.minutesBody).toContain("# Node.js \\[Security\\] team Meeting 2024-03-28\n");
    expect(rendered.minutesBody).toContain("* \\[Michael\\](https:\u200B//evil.example) @\u200Beveryone (@\u200Bmhdawson)\n");
    expect(rendered.agendaMarkdown).toContain(
      "- [ ] Review @\u200Beveryone's &lt;b>queue&lt;/b> - <https://example.com/a%20%28b%29>\n",
    );
    expect(rendered.issueBody).toContain("msg=Node.js%20%5BSecurity%5D%20team%20Meeting%202024-03-28&");
  });
});

describe("renderMeeting with the meeting's own templates", () => {
  const templateFiles = { issue: ".github/agenda-drafter/issue.md.hbs", minutes: ".github/agenda-drafter/minutes.md.hbs" };

  test("uses them, with the shared agenda partial", async () => {
    const rendered = await renderMeeting({
      agenda: securityWgAgenda(),
      templates: {
        issue: "Agenda for {{date}} ({{time.utc}} UTC)\n\n{{> agenda}}",
        minutes: "# {{title}}\n\n{{#each groups}}{{#each items}}- {{title}} ({{url}})\n{{/each}}{{/each}}",
      },
      templateFiles,
    });
    expect(rendered.issueBody.split("\n").slice(0, 4)).toMatchInlineSnapshot(`
[
  "Agenda for 2024-03-28 (Thu 28-Mar-2024 16:00 UTC)",
  "",
  "<!-- agenda-drafter:agenda:start -->",
  "*Extracted from **security-wg-agenda** labelled issues and pull requests from the **nodejs org** prior to the meeting.*",
]
`);
    expect(rendered.minutesBody).toMatchInlineSnapshot(`
"# Node.js Security team Meeting 2024-03-28

- Node.js Security Initiatives 2024 (https://github.com/nodejs/security-wg/issues/1255)
- Proposed approach for build steps in deps which are not in make node (https://github.com/nodejs/security-wg/issues/1236)
- Security initiative in December 2023: fuzzing Nodejs: (https://github.com/nodejs/security-wg/issues/1159)
- Audit build process for dependencies (https://github.com/nodejs/security-wg/issues/1037)
- Initiative for CII-Best-Practices for Nodejs Projects (https://github.com/nodejs/security-wg/issues/953)
- Permission Model - Roadmap (https://github.com/nodejs/security-wg/issues/898)
"
`);
  });

  test("a syntax error raises a TemplateError naming the file and line, with no fallback", async () => {
    const render = () =>
      renderMeeting({ agenda: securityWgAgenda(), templates: { minutes: "# {{title}}\n\n{{#each groups}}\n" }, templateFiles });
    await expect(render()).rejects.toThrow(TemplateError);
    await expect(render()).rejects.toThrow(/^\.github\/agenda-drafter\/minutes\.md\.hbs:4:1: syntax error: the template ends inside an open block/);
  });

  test("an unknown helper raises a TemplateError", async () => {
    const render = () => renderMeeting({ agenda: securityWgAgenda(), templates: { issue: "{{uppercase title}}" }, templateFiles });
    await expect(render()).rejects.toThrow(TemplateError);
    await expect(render()).rejects.toThrow(".github/agenda-drafter/issue.md.hbs:1:1: You specified knownHelpersOnly, but used the unknown helper uppercase");
  });

  test("a template given without its path is still named in the error", async () => {
    await expect(renderMeeting({ agenda: securityWgAgenda(), templates: { issue: "{{#if}}" } })).rejects.toThrow(
      /^the meeting's issue template/,
    );
  });
});
