/** The github.com search page that lists what the API query `q` returns. */
export function searchUrl(q: string): string {
  return `https://github.com/search?${new URLSearchParams({ q, type: "issues" })}`;
}
