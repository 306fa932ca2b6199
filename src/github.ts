import { ProbotOctokit } from "probot";

/** The GitHub client every step that talks to GitHub receives: Probot's Octokit, as in `context.octokit`. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/**
 * The REST API version every request asks for (`X-GitHub-Api-Version`), the one the app is checked
 * against: the sandbox's copy of GitHub's description is of this version. GitHub also serves
 * 2026-03-10, which drops fields and changes answers the sandbox does not model yet.
 */
export const GITHUB_API_VERSION = "2022-11-28";

const pinned = new WeakSet<object>();

/** Makes every request of the client ask for GITHUB_API_VERSION, rather than whatever GitHub's default is that day. */
export function pinApiVersion<T extends object>(octokit: T): T {
  if (pinned.has(octokit)) return octokit;
  pinned.add(octokit);
  (octokit as unknown as GitHub).hook.before("request", (options) => {
    options.headers = { ...options.headers, "x-github-api-version": GITHUB_API_VERSION };
  });
  return octokit;
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
