import { removeBidiControls } from "../break-github-links.js";

/** Text as HTML shows it, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return removeBidiControls(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A link target for `href`: only http(s) addresses and the page's own paths, so that no
 * configured or fetched text becomes a `javascript:` (or `data:`) link. Anything else is no link.
 */
export function safeHref(url: string): string | undefined {
  if (url.startsWith("/") && !url.startsWith("//")) return escapeHtml(url);
  if (!URL.canParse(url)) return undefined;
  const protocol = new URL(url).protocol;
  return protocol === "https:" || protocol === "http:" ? escapeHtml(new URL(url).href) : undefined;
}

/** `<a href>` with escaped text, or the text alone when the address may not be a link. */
export function link(url: string, text: string): string {
  const href = safeHref(url);
  return href === undefined ? escapeHtml(text) : `<a href="${href}">${escapeHtml(text)}</a>`;
}
