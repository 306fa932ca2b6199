import { demo } from "../../src/cli/demo.js";
import { main } from "../../src/cli.js";

// The whole story, two servers and a dozen webhooks, on a loaded machine.
const DEMO_TIMEOUT_MS = 90_000;

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    output: { print: (text: string) => void lines.push(text), log: (text: string) => void lines.push(text) },
    /** The output with the ports, which change from run to run, taken out. */
    text: () => lines.join("\n").replace(/http:\/\/127\.0\.0\.1:\d+/g, "http://127.0.0.1:<port>"),
  };
}

test("the demo plays the story of one Security WG meeting on the app as a Probot server, then ends with exit code 0", async () => {
  const { output, text } = recorder();
  await expect(main(["demo", "--port", "0"], output)).resolves.toBe(0);
  expect(text()).toMatchInlineSnapshot(`
"Sandbox GitHub with the example org nodejs: http://127.0.0.1:<port>/ (clock 2024-03-26 09:00 UTC)
1. The app starts as a Probot server (http://127.0.0.1:<port>) and finds 2 meetings: security-wg in nodejs/security-wg, tsc in nodejs/TSC.
   It opens nodejs/security-wg#1295 "Node.js Security team Meeting 2024-03-28" with 6 items: http://127.0.0.1:<port>/nodejs/security-wg/issues/1295
2. RafaelGSS labels nodejs/node#52575 and nodejs/node#51971 security-wg-agenda, and takes the label off nodejs/security-wg#1159.
   The meeting issue follows: +nodejs/node#52575, +nodejs/node#51971, -nodejs/security-wg#1159.
3. mhdawson comments "/agenda add nodejs/node#52459" and "/present" on nodejs/security-wg#1295.
   The app replies "Added to the agenda: nodejs/node#52459: tools: change inactive limit to 9 months; Recorded as present: Michael Dawson (@mhdawson)"; the agenda: +nodejs/node#52459.
4. The clock reaches the meeting (2024-03-28 16:01 UTC); a tick runs: freeze-agenda 2024-03-28.
5. The clock passes the meeting's end (2024-03-28 17:05 UTC); a tick runs: open-minutes 2024-03-28.
   The minutes pull request nodejs/security-wg#1296 opens with meetings/2024-03-28.md, mhdawson among those present: http://127.0.0.1:<port>/nodejs/security-wg/pull/1296
6. The meetings page shows what is next, with the live agenda and past minutes: http://127.0.0.1:<port>/agenda-drafter/nodejs/
   Calendars subscribe to the feed: http://127.0.0.1:<port>/agenda-drafter/calendar/nodejs.ics (its github.com links open on the sandbox at http://127.0.0.1:<port>/<owner>/<repo>/...)

Summary: 6 steps shown: the app opened the meeting issue nodejs/security-wg#1295; the meeting issue followed the labels; the app ran mhdawson's commands; the clock passed the meeting; the minutes pull request nodejs/security-wg#1296 opened; the meetings page and the feed."
`);
}, DEMO_TIMEOUT_MS);

test("with --keep the sandbox and the app stay up until the person stops the demo", async () => {
  const { output, lines } = recorder();
  let sandboxUrl = "";
  let pageWhileKept: number | undefined;
  let meetingsPageWhileKept = "";
  await demo(["--keep", "--port", "0"], output, async () => {
    sandboxUrl = /the sandbox at (\S+) /.exec(lines.at(-1) ?? "")?.[1] ?? "";
    pageWhileKept = (await fetch(`${sandboxUrl}nodejs/security-wg/pull/1296`)).status;
    const meetingsPage = /its meetings page at (\S+)\. /.exec(lines.at(-1) ?? "")?.[1] ?? "";
    meetingsPageWhileKept = await (await fetch(meetingsPage)).text();
  });
  expect(lines.at(-1)).toMatch(
    /^\nStill running: the sandbox at http:\/\/127\.0\.0\.1:\d+\/ and the app at http:\/\/127\.0\.0\.1:\d+, its meetings page at http:\/\/127\.0\.0\.1:\d+\/agenda-drafter\/nodejs\/\. Ctrl-C stops both\.$/,
  );
  expect(pageWhileKept).toBe(200);
  // The page the kept demo ends on: the minutes of the meeting just held.
  expect(meetingsPageWhileKept).toContain('<a href="https://github.com/nodejs/security-wg/pull/1296">minutes</a>');
  await expect(fetch(sandboxUrl)).rejects.toThrow();
}, DEMO_TIMEOUT_MS);

test("a port that is not one is refused with exit code 2", async () => {
  const { output, text } = recorder();
  await expect(main(["demo", "--port", "http"], output)).resolves.toBe(2);
  expect(text()).toMatchInlineSnapshot(`"agenda-drafter demo: --port must be a port number, got "http"."`);
});
