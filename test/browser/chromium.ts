// Debian's Chromium, driven by playwright-core (which downloads no browser of its own).
import { existsSync } from "node:fs";
import { describe, test } from "@jest/globals";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/**
 * `describe` for tests in a real browser: skipped, saying so, where Chromium is absent; failing
 * under CI=true, where its absence is a broken setup (`.ci/run` installs the Debian package).
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) describe(name, body);
  else if (process.env["CI"] === "true") {
    test(`${name}: needs Chromium`, () => {
      throw new Error(`Chromium is not installed at ${CHROMIUM}; .ci/run installs it (the Debian package chromium)`);
    });
  } else describe.skip(`${name} (skipped: Chromium is not installed; apt-get install chromium)`, body);
}

export function launchChromium(): Promise<Browser> {
  // As root (CI, containers) Chromium runs only without its sandbox.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations on the page, as `id (impact): help [targets]`. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
}
