// The REST API versions (`X-GitHub-Api-Version`) the sandbox answers, as GitHub does: github.com
// serves 2026-03-10 and 2022-11-28; GitHub Enterprise Server serves 2022-11-28, and 2026-03-10
// too from 3.21 (the REST docs' versions of each release list them so).

/** Every version the sandbox knows, oldest first: each has its pruned description. */
export const REST_API_VERSIONS = ["2022-11-28", "2026-03-10"] as const;
export type RestApiVersion = (typeof REST_API_VERSIONS)[number];

/** What a request without the header gets, on github.com and on GitHub Enterprise Server alike. */
export const DEFAULT_API_VERSION: RestApiVersion = "2022-11-28";

/** The first GitHub Enterprise Server release that serves 2026-03-10. */
const ENTERPRISE_2026_03_10 = [3, 21];

/** The versions served, newest first, by github.com (no `enterpriseVersion`) or that GHES release. */
export function servedApiVersions(enterpriseVersion: string | undefined): RestApiVersion[] {
  const newestFirst = [...REST_API_VERSIONS].reverse();
  if (enterpriseVersion === undefined) return newestFirst;
  const [major = 0, minor = 0] = enterpriseVersion.split(".").map(Number);
  const [sinceMajor = 0, sinceMinor = 0] = ENTERPRISE_2026_03_10;
  const serves2026 = major > sinceMajor || (major === sinceMajor && minor >= sinceMinor);
  return newestFirst.filter((version) => version !== "2026-03-10" || serves2026);
}

function isRestApiVersion(version: string): version is RestApiVersion {
  return (REST_API_VERSIONS as readonly string[]).includes(version);
}

/**
 * The version a request asks for with `X-GitHub-Api-Version` (the default without it), or GitHub's
 * 400 message when that GitHub does not serve it: the message names the header as GitHub's does,
 * `X-GitHub-API-Version`, and lists what it serves, newest first.
 */
export function requestedApiVersion(header: string | null, enterpriseVersion: string | undefined): RestApiVersion | { refusal: string } {
  if (header === null) return DEFAULT_API_VERSION;
  const served = servedApiVersions(enterpriseVersion);
  if ((served as string[]).includes(header) && isRestApiVersion(header)) return header;
  const supported = served.map((known, index) => `"${known}"${index === 0 ? " (most recent)" : ""}`).join(", ");
  return {
    refusal: `The version you specified in the "X-GitHub-API-Version" request header, "${header}", is not a supported version. The following versions are currently supported: ${supported}.`,
  };
}
