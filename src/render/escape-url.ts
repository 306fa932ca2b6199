// Characters that would end or break a Markdown autolink `<url>` or link destination `(url)`.
const UNSAFE_IN_LINK = /[\s<>()[\]"'`\\]/gu;

/** Makes a URL safe to place in `<url>` or `[text](url)`: it stays the same address. */
export function escapeUrl(url: string): string {
  return url.trim().replace(UNSAFE_IN_LINK, percentEncode);
}

function percentEncode(character: string): string {
  return [...new TextEncoder().encode(character)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
    .join("");
}
