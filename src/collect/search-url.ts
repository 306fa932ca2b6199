const GITHUB_WEB = "https://github.com";

/** The search page of the GitHub at `webOrigin` (github.com by default) that lists what the API query `q` returns. */
export function searchUrl(q: string, webOrigin = GITHUB_WEB): string {
  return `${webOrigin}/search?${new URLSearchParams({ q, type: "issues" })}`;
}

/** The web origin of the GitHub a repository lives on, from its `html_url`; github.com when that says none. */
export function webOriginOf(htmlUrl: string | undefined): string {
  return URL.canParse(htmlUrl ?? "") ? new URL(htmlUrl as string).origin : GITHUB_WEB;
}
