import { serializeUser } from "../serialize/user.js";
import type { InstallationRecord, SandboxState } from "../state.js";
import type { SandboxUrls } from "../urls.js";

// The app as registered on the sandbox's GitHub: its permissions and events are those app.yml asks
// for (a test holds the two together).

export const SANDBOX_APP = {
  slug: "agenda-drafter",
  name: "agenda-drafter",
  description: "Drafts and maintains meeting issues, agendas and minutes pull requests for recurring meetings.",
  permissions: {
    issues: "write",
    pull_requests: "write",
    contents: "write",
    checks: "write",
    metadata: "read",
    members: "read",
    organization_projects: "read",
    discussions: "write",
  },
  events: ["issues", "issue_comment", "pull_request", "push", "label", "repository", "projects_v2_item", "membership", "discussion"],
  /** The registration instant: long before any snapshot's clock. */
  createdAt: "2020-01-01T00:00:00Z",
} as const;

/** GitHub's `integration`, as `GET /app` returns it. */
export function serializeApp(state: SandboxState, appId: number, urls: SandboxUrls) {
  return {
    id: appId,
    slug: SANDBOX_APP.slug,
    node_id: `A_kwDO${Buffer.from(`A:${appId}`).toString("base64url")}`,
    client_id: `Iv1.${appId.toString(16).padStart(16, "0")}`,
    owner: serializeUser(appOwner(state), urls),
    name: SANDBOX_APP.name,
    description: SANDBOX_APP.description,
    external_url: `${urls.web}/apps/${SANDBOX_APP.slug}`,
    html_url: `${urls.web}/apps/${SANDBOX_APP.slug}`,
    created_at: SANDBOX_APP.createdAt,
    updated_at: SANDBOX_APP.createdAt,
    permissions: { ...SANDBOX_APP.permissions },
    events: [...SANDBOX_APP.events],
    installations_count: state.installations.length,
  };
}

/** GitHub's `installation`. */
export function serializeInstallation(state: SandboxState, installation: InstallationRecord, appId: number, urls: SandboxUrls) {
  const account = state.users.get(installation.account.toLowerCase());
  if (!account) throw new Error(`sandbox state: the account ${installation.account} of installation ${installation.id} does not exist`);
  return {
    id: installation.id,
    account: serializeUser(account, urls),
    repository_selection: installation.repositories === "all" ? ("all" as const) : ("selected" as const),
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${account.login}/settings/installations/${installation.id}`,
    app_id: appId,
    app_slug: SANDBOX_APP.slug,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: installationPermissions(installation),
    events: installationEvents(installation),
    created_at: SANDBOX_APP.createdAt,
    updated_at: SANDBOX_APP.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** The permissions an installation was granted: the app's, unless the snapshot narrowed or widened them. */
export function installationPermissions(installation: InstallationRecord): Record<string, "read" | "write"> {
  return { ...(installation.permissions ?? SANDBOX_APP.permissions) };
}

/** The webhook events an installation is subscribed to. */
export function installationEvents(installation: InstallationRecord): string[] {
  return [...(installation.events ?? SANDBOX_APP.events)];
}

/**
 * The permission an installation must hold for GitHub to send it an event: an app asks for an
 * event with its permission, and an installation whose owner has not accepted the permission yet
 * gets none of the event.
 */
const EVENT_PERMISSIONS: Record<string, string> = {
  issues: "issues",
  // GitHub's docs ask Issues for comments on pull requests too: they are issue comments.
  issue_comment: "issues",
  pull_request: "pull_requests",
  push: "contents",
  create: "contents",
  delete: "contents",
  discussion: "discussions",
  membership: "members",
  projects_v2_item: "organization_projects",
};

/**
 * Whether GitHub sends the installation webhooks of `event`: only of the events its app subscribes
 * to, and only with the permission the event needs (installation events aside, which reach every
 * app, and those of metadata, which every installation holds).
 */
export function isSubscribed(installation: InstallationRecord, event: string): boolean {
  const needs = EVENT_PERMISSIONS[event];
  return installationEvents(installation).includes(event) && (needs === undefined || installationPermissions(installation)[needs] !== undefined);
}

/** The account that registered the app: the first organization of the snapshot, as an org usually owns its app. */
function appOwner(state: SandboxState) {
  const [firstOrg] = state.orgs.values();
  const owner = firstOrg ? state.users.get(firstOrg.login.toLowerCase()) : [...state.users.values()][0];
  if (!owner) throw new Error("sandbox state: there is no account to own the app");
  return owner;
}
