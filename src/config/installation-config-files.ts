import { withoutNotFound, type GitHub, type RepoRef } from "../github.js";
import { CONFIG_PATH } from "./load-config.js";
import { knownFileKey, type KnownFiles } from "./read-repo-file.js";

// Discovery reads the config file of every repository an installation sees. One read per
// repository would cost 1,000 calls on an org of 1,000 repositories; GraphQL reads a file through
// `object(expression: "HEAD:<path>")` beside each repository, 100 repositories a query. An
// installation on all of an account's repositories lists them with their files in one query per
// 100; one on selected repositories lists them through REST, then reads their files 100 a query.

const PAGE = 100;
const EXPRESSION = `HEAD:${CONFIG_PATH}`;

export interface InstallationConfigFiles {
  /** The installation's repositories that are not archived. */
  repos: RepoRef[];
  /** Their config files on the default branch; a repository whose file GraphQL could not give whole is not in it. */
  known: KnownFiles;
}

interface RepositoryNode {
  name: string;
  owner: { login: string };
  isArchived: boolean;
  config: { text?: string | null; isTruncated?: boolean } | null;
}

export async function readInstallationConfigFiles(octokit: GitHub): Promise<InstallationConfigFiles> {
  const { data: first } = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: PAGE });
  const owner = first.repositories[0]?.owner.login;
  const nodes =
    first.repository_selection === "all" && owner !== undefined ? await ownerRepositories(octokit, owner) : await selectedRepositories(octokit, first);
  const known = new Map<string, string | null>();
  const repos: RepoRef[] = [];
  for (const node of nodes) {
    if (node.isArchived) continue;
    const repo = { owner: node.owner.login, repo: node.name };
    repos.push(repo);
    const whole = node.config === null || (typeof node.config.text === "string" && node.config.isTruncated === false);
    if (whole) known.set(knownFileKey({ ...repo, path: CONFIG_PATH }), node.config?.text ?? null);
  }
  return { repos, known };
}

const REPOSITORY_FIELDS = `name owner { login } isArchived config: object(expression: ${JSON.stringify(EXPRESSION)}) { ... on Blob { text isTruncated } }`;

async function ownerRepositories(octokit: GitHub, login: string): Promise<RepositoryNode[]> {
  const nodes: RepositoryNode[] = [];
  let after: string | null = null;
  do {
    const page: OwnerPage = await octokit.graphql<OwnerPage>(
      `query ($login: String!, $after: String) {
        repositoryOwner(login: $login) {
          repositories(first: ${PAGE}, after: $after, ownerAffiliations: [OWNER]) {
            pageInfo { hasNextPage endCursor }
            nodes { ${REPOSITORY_FIELDS} }
          }
        }
      }`,
      { login, after },
    );
    const repositories = page.repositoryOwner?.repositories;
    nodes.push(...(repositories?.nodes ?? []));
    after = repositories?.pageInfo.hasNextPage ? repositories.pageInfo.endCursor : null;
  } while (after !== null);
  return nodes;
}

interface OwnerPage {
  repositoryOwner: { repositories: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RepositoryNode[] } } | null;
}

type FirstPage = Awaited<ReturnType<GitHub["rest"]["apps"]["listReposAccessibleToInstallation"]>>["data"];

async function selectedRepositories(octokit: GitHub, first: FirstPage): Promise<RepositoryNode[]> {
  const listed = [...first.repositories];
  for (let page = 2; listed.length < first.total_count && (page - 1) * PAGE < first.total_count; page++) {
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: PAGE, page });
    if (data.repositories.length === 0) break;
    listed.push(...data.repositories);
  }
  const nodes: RepositoryNode[] = [];
  for (let start = 0; start < listed.length; start += PAGE) {
    const batch = listed.slice(start, start + PAGE);
    const fields = batch.map(
      (repository, index) => `r${index}: repository(owner: ${JSON.stringify(repository.owner.login)}, name: ${JSON.stringify(repository.name)}) { ${REPOSITORY_FIELDS} }`,
    );
    const data = await withoutNotFound(octokit.graphql<Record<string, RepositoryNode | null>>(`query { ${fields.join("\n")} }`));
    // A repository GraphQL does not show (deleted since it was listed) is left out.
    for (const node of Object.values(data)) if (node) nodes.push(node);
  }
  return nodes;
}

