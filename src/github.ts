import { ProbotOctokit } from "probot";

/** The GitHub client every step that talks to GitHub receives: Probot's Octokit, as in `context.octokit`. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/**
 * The REST API versions (`X-GitHub-Api-Version`) the app is checked against, newest first: the
 * sandbox answers each as GitHub does. github.com serves both, and so does GitHub Enterprise
 * Server from 3.21; older GHES releases serve only 2022-11-28 and answer any other with a 400 that
 * lists the versions they serve.
 */
export const GITHUB_API_VERSIONS = ["2026-03-10", "2022-11-28"] as const;
export type GitHubApiVersion = (typeof GITHUB_API_VERSIONS)[number];
const FIRST_ENTERPRISE_WITH_NEWEST = [3, 21] as const;

/** What each GitHub (by its REST base URL) serves, as its answers have shown; the newest until they say otherwise. */
const servedBy = new Map<string, GitHubApiVersion>();

/** The version the app asks `baseUrl`'s GitHub for. */
export function apiVersionFor(baseUrl: string): GitHubApiVersion {
  return servedBy.get(baseUrl) ?? GITHUB_API_VERSIONS[0];
}

const pinned = new WeakSet<object>();

/**
 * Makes every request of the client ask for the newest version its GitHub serves, rather than
 * whatever GitHub's default is that day. GitHub Enterprise Server names its release in every
 * answer's `X-GitHub-Enterprise-Version` (github.com names none), which says which. The first
 * request to a GHES release older than 3.21 meets its 400, which refuses before doing anything: it
 * is sent again, once, with the newest version that answer lists, and the rest go with that one.
 */
export function pinApiVersion<T extends object>(octokit: T): T {
  if (pinned.has(octokit)) return octokit;
  pinned.add(octokit);
  (octokit as unknown as GitHub).hook.wrap("request", async (request, options) => {
    const baseUrl = String(options.baseUrl);
    // The hook chain hands each wrapper the same options object: a header is set by changing it.
    const send = async (version: GitHubApiVersion) => {
      options.headers = { ...options.headers, "x-github-api-version": version };
      const response = await request(options);
      learnServedVersion(baseUrl, response.headers);
      return response;
    };
    const version = apiVersionFor(baseUrl);
    try {
      return await send(version);
    } catch (error) {
      const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
      if (headers) learnServedVersion(baseUrl, headers);
      const served = versionServedInstead(error);
      if (served === undefined || served === version) throw error;
      servedBy.set(baseUrl, served);
      return send(served);
    }
  });
  return octokit;
}

function learnServedVersion(baseUrl: string, headers: Record<string, unknown>): void {
  const release = headers["x-github-enterprise-version"];
  if (typeof release !== "string") return; // github.com, or a server that does not say: what it refused says enough
  const [major = 0, minor = 0] = release.split(".").map(Number);
  const [newestMajor, newestMinor] = FIRST_ENTERPRISE_WITH_NEWEST;
  servedBy.set(baseUrl, major > newestMajor || (major === newestMajor && minor >= newestMinor) ? GITHUB_API_VERSIONS[0] : "2022-11-28");
}

/** For GitHub's 400 refusing the requested version: the newest version the app knows that it lists. */
function versionServedInstead(error: unknown): GitHubApiVersion | undefined {
  if (statusOf(error) !== 400) return undefined;
  const message = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  if (typeof message !== "string" || !/x-github-api-version/i.test(message)) return undefined;
  const listed = message.slice(message.indexOf("supported:"));
  return GITHUB_API_VERSIONS.find((version) => listed.includes(`"${version}"`));
}

/** GitHub refuses longer issue and pull request bodies (and so they bound a minutes file too). */
export const MAX_BODY_LENGTH = 65_536;
/** GitHub refuses longer issue and pull request titles. */
export const MAX_TITLE_LENGTH = 256;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** The HTTP status of a failed Octokit request; undefined for any other error. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number"
    ? error.status
    : undefined;
}

/** Whether GitHub answered at all: Octokit gives a request that got no response status 500 too, and only a response tells them apart. */
export function gitHubAnswered(error: unknown): boolean {
  return typeof error === "object" && error !== null && "response" in error && error.response !== undefined;
}

/** The response, or undefined when GitHub answers 404. */
export async function ifFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * A GraphQL answer's data when its only errors are things GraphQL does not find (a repository or
 * an item): those fields are null in it. Any other error is thrown.
 */
export async function withoutNotFound<T>(answer: Promise<T>): Promise<Partial<T>> {
  try {
    return await answer;
  } catch (error) {
    const { errors, data } = error as { errors?: { type?: string }[]; data?: Partial<T> };
    if (Array.isArray(errors) && errors.length > 0 && errors.every((each) => each.type === "NOT_FOUND") && data) return data;
    throw error;
  }
}
