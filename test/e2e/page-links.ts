// The links of a meetings page, and whether each resolves on the stage: github.com addresses on
// the sandbox's web pages (which answer for github.com's paths), the app's own paths on the app.
import type { E2E } from "./harness.js";

export function pageLinks(html: string): string[] {
  return [...new Set([...html.matchAll(/<a href="([^"]+)"/g)].map((match) => decodeEntities(match[1]!)))];
}

export async function resolvesOnStage(e2e: E2E, link: string): Promise<number> {
  const url = link.startsWith("/") ? `${e2e.appUrl}${link}` : link.replace(/^https:\/\/github\.com/, e2e.url);
  if (url === link) return 0; // an address elsewhere: nothing on the stage answers it
  return (await fetch(url)).status;
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");
}
