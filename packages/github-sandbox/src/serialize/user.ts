import type { SandboxState, UserRecord } from "../state.js";
import type { SandboxUrls } from "../urls.js";

/** GitHub's `simple-user`. */
export function serializeUser(user: UserRecord, urls: SandboxUrls) {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The `simple-user` of a login, or null for a deleted account ("ghost"). */
export function serializeAccount(state: SandboxState, login: string | null | undefined, urls: SandboxUrls) {
  const user = login ? state.users.get(login.toLowerCase()) : undefined;
  return user ? serializeUser(user, urls) : null;
}
