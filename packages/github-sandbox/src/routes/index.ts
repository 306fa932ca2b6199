import type { Route } from "../route.js";
import { checkRunRoutes } from "./check-runs.js";
import { commitRoutes } from "./commits.js";
import { contentsRoutes } from "./contents.js";
import { gitDataRoutes } from "./git-data.js";
import { gitRefRoutes } from "./git-refs.js";
import { installationRepositoryRoutes } from "./installation-repositories.js";
import { issueCommentRoutes } from "./issue-comments.js";
import { issueLabelRoutes } from "./issue-labels.js";
import { issueLockRoutes } from "./issue-lock.js";
import { issueRoutes } from "./issues.js";
import { orgMembershipRoutes } from "./org-membership.js";
import { pullRequestRoutes } from "./pulls.js";
import { reactionRoutes } from "./reactions.js";
import { repositoryRoutes } from "./repository.js";
import { searchRoutes } from "./search.js";
import { teamMemberRoutes } from "./team-members.js";
import { userRoutes } from "./users.js";

/**
 * Every REST operation the sandbox implements; the pruned OpenAPI description holds exactly these.
 * The first route whose template matches answers: `/commits/{ref}/check-runs` comes before
 * `/commits/{ref}`, whose `{ref}` takes the rest of the path.
 */
export const routes: Route[] = [
  ...repositoryRoutes,
  ...contentsRoutes,
  ...searchRoutes,
  ...issueCommentRoutes,
  ...issueLabelRoutes,
  ...issueLockRoutes,
  ...issueRoutes,
  ...reactionRoutes,
  ...pullRequestRoutes,
  ...gitRefRoutes,
  ...gitDataRoutes,
  ...checkRunRoutes,
  ...commitRoutes,
  ...orgMembershipRoutes,
  ...teamMemberRoutes,
  ...installationRepositoryRoutes,
  ...userRoutes,
];
