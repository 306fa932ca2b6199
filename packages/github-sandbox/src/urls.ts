/** Where the sandbox says GitHub is: the base of `url` (REST) and `html_url` (web) fields. */
export interface SandboxUrls {
  api: string;
  web: string;
}

export const GITHUB_DOT_COM: SandboxUrls = { api: "https://api.github.com", web: "https://github.com" };
