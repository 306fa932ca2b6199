// The meetings page in a real browser: it loads from the app on the sandbox, shows the times in
// the reader's zone (set in the browser), every link resolves on the sandbox, axe-core finds no
// serious accessibility problem, a hostile title is only text, and screenshots are saved.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import type { Browser } from "playwright-core";
import { drafterProcess, startDrafter, type DrafterStage } from "../e2e/drafter-app.js";
import { startE2E } from "../e2e/harness.js";
import { snapshotWith } from "../e2e/live-issue-app.js";
import { resolvesOnStage } from "../e2e/page-links.js";
import { axeViolations, describeWithChromium, launchChromium } from "./chromium.js";

const OUTPUT = new URL("../../test-output/", import.meta.url).pathname;
// The README's screenshot is made by this test: `UPDATE_DOCS_SCREENSHOT=1` writes it anew.
const DOCS_SCREENSHOT = new URL("../../docs/meetings-page.png", import.meta.url).pathname;
const HOSTILE = `"><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`;

describeWithChromium("the meetings page in Chromium", () => {
  let stage: DrafterStage;
  let browser: Browser;

  beforeAll(async () => {
    stage = await startDrafter(
      snapshotWith((snapshot) => {
        snapshot.orgs.nodejs.repos["node"]!.issues.push({ number: 52600, title: HOSTILE, labels: ["security-wg-agenda"], author: "RafaelGSS", created_at: "2024-03-25T10:00:00Z" });
      }),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stage?.e2e.close();
  });

  test("shows the times in the reader's zone, links that resolve, no serious accessibility violation", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US", viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    const response = await page.goto(`${stage.e2e.appUrl}/agenda-drafter/nodejs/`);
    expect(response?.status()).toBe(200);

    // 16:00 UTC on Thursday is 01:00 on Friday in Tokyo.
    const shown = await page.locator("section time").first().textContent();
    expect(shown).toMatch(/Friday, March 29, 2024.*01:00.*GMT\+9/);
    expect(await page.locator("[data-reader-zone]").textContent()).toBe("your time zone (Asia/Tokyo)");

    expect(await page.evaluate(() => (globalThis as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.getByRole("link", { name: HOSTILE }).count()).toBe(1);

    const links = await page.$$eval("a[href]", (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    const appOrigin = new URL(stage.e2e.appUrl).origin;
    for (const link of new Set(links)) {
      const path = link.startsWith(appOrigin) ? link.slice(appOrigin.length) : link;
      expect(`${link} ${await resolvesOnStage(stage.e2e, path)}`).toBe(`${link} 200`);
    }

    const serious = (await axeViolations(page)).filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious).toEqual([]);

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: `${OUTPUT}meetings-page.png`, fullPage: true });
    await context.close();
  });

  test("is readable without JavaScript: the times stay in the meeting's zone", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: "America/Los_Angeles" });
    const page = await context.newPage();
    await page.goto(`${stage.e2e.appUrl}/agenda-drafter/nodejs/security-wg/`);
    expect(await page.locator("section time").first().textContent()).toBe("Thursday 28 March 2024, 16:00 UTC");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Meetings of nodejs/security-wg");
    await page.screenshot({ path: `${OUTPUT}meetings-page-no-javascript.png`, fullPage: true });
    await context.close();
  });

  test("the README's screenshot: the example org's page, in Berlin", async () => {
    const replica = drafterProcess();
    const example = await startE2E({ snapshotFile: new URL("../../examples/nodejs.yml", import.meta.url).pathname, app: replica.app, idle: replica.drafter.idle });
    try {
      await example.settle();
      const context = await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-GB", viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      expect((await page.goto(`${example.appUrl}/agenda-drafter/nodejs/`))?.status()).toBe(200);
      expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Node.js Security team", "Node.js Technical Steering Committee (TSC)"]);
      await page.screenshot({ path: `${OUTPUT}readme-meetings-page.png` });
      if (process.env["UPDATE_DOCS_SCREENSHOT"] === "1") await page.screenshot({ path: DOCS_SCREENSHOT });
      await context.close();
    } finally {
      await example.close();
    }
  });
});
