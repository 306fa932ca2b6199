import type { Route } from "../route.js";
import { contentsRoutes } from "./contents.js";
import { issueCommentRoutes } from "./issue-comments.js";
import { issueLabelRoutes } from "./issue-labels.js";
import { issueLockRoutes } from "./issue-lock.js";
import { issueRoutes } from "./issues.js";
import { repositoryRoutes } from "./repository.js";
import { searchRoutes } from "./search.js";
import { userRoutes } from "./users.js";

/** Every REST operation the sandbox implements; the pruned OpenAPI description holds exactly these. */
export const routes: Route[] = [
  ...repositoryRoutes,
  ...contentsRoutes,
  ...searchRoutes,
  ...issueCommentRoutes,
  ...issueLabelRoutes,
  ...issueLockRoutes,
  ...issueRoutes,
  ...userRoutes,
];
