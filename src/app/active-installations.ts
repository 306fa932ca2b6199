import type { Probot } from "probot";
import type { GitHub } from "../github.js";

/** The app's installations that are not suspended: the ones it may act for. */
export async function activeInstallations(probot: Probot) {
  const appOctokit = (await probot.auth()) as GitHub;
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  return installations.filter((installation) => !installation.suspended_at);
}
