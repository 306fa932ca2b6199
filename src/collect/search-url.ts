const GITHUB_WEB = "https://github.com";

/** The search page of the GitHub at `webOrigin` (github.com by default) that lists what the API query `q` returns, of issues or discussions. */
export function searchUrl(q: string, webOrigin = GITHUB_WEB, type: "issues" | "discussions" = "issues"): string {
  return `${webOrigin}/search?${new URLSearchParams({ q, type })}`;
}

/** The web origin of the GitHub a repository lives on, from its `html_url`; github.com when that says none. */
export function webOriginOf(htmlUrl: string | undefined): string {
  return URL.canParse(htmlUrl ?? "") ? new URL(htmlUrl as string).origin : GITHUB_WEB;
}
