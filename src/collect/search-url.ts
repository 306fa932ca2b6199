/** The search page of the GitHub at `webOrigin` (github.com by default) that lists what the API query `q` returns. */
export function searchUrl(q: string, webOrigin = "https://github.com"): string {
  return `${webOrigin}/search?${new URLSearchParams({ q, type: "issues" })}`;
}

/** The web origin of the GitHub a repository lives on, from its `html_url`. */
export function webOriginOf(htmlUrl: string): string {
  return new URL(htmlUrl).origin;
}
