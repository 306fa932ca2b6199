import type { RepoRef } from "../github.js";
import { UserError } from "../errors.js";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** What one run of the action works with: its inputs and what GitHub Actions tells every step. */
export interface ActionSettings {
  token: string;
  /** `GITHUB_EVENT_NAME`: what started the workflow run. */
  eventName: string;
  /** `GITHUB_EVENT_PATH`: the event's payload, as the webhook would carry it. */
  eventPath: string;
  /** `GITHUB_REPOSITORY`: the home repo, whose `.github/agenda-drafter.yml` declares the meetings served. */
  home: RepoRef;
  /** `GITHUB_API_URL`, `GITHUB_GRAPHQL_URL`: github.com's, or a GitHub Enterprise Server's. */
  apiUrl: string;
  graphqlUrl: string;
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`: the run, as the event's delivery id. */
  runId: string;
  dryRun: boolean;
  /** Only this meeting of the home repo; all of them when absent. */
  meeting?: string;
  logLevel: LogLevel;
  /** Signs the meeting issues' state (32 characters or more). */
  stateKey: string;
}

/**
 * Reads the inputs as GitHub Actions passes them (`INPUT_<NAME>`, upper-cased, hyphens kept:
 * `INPUT_DRY-RUN`) and the variables it sets on every runner, GitHub Enterprise Server's included.
 */
export function actionSettings(env: NodeJS.ProcessEnv): ActionSettings {
  const input = (name: string) => env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim() ?? "";
  const token = input("token");
  if (!token) throw new UserError("The token input is empty: leave it out to use the workflow's GITHUB_TOKEN, or pass an app's token from actions/create-github-app-token.");
  const stateKey = input("state-key");
  if (!stateKey) {
    throw new UserError(
      "Set the state-key input to a secret of 32 characters or more (state-key: ${{ secrets.AGENDA_DRAFTER_STATE_KEY }}): the action signs the meeting issues' hidden state with it, since a workflow's token holds no app key. Keep it the same in every run, and the same as the hosted app's AGENDA_DRAFTER_STATE_KEY if the app serves this repository too.",
    );
  }
  if (stateKey.length < 32) throw new UserError(`The state-key input is ${stateKey.length} characters long; it must be 32 or more.`);
  const meeting = input("meeting");
  if (meeting && !/^[a-z0-9-]+$/.test(meeting)) throw new UserError(`The meeting input "${meeting}" is no meeting id: ids are made of a-z, 0-9 and -.`);
  const logLevel = (input("log-level") || "info").toLowerCase();
  if (!isLogLevel(logLevel)) throw new UserError(`The log-level input "${logLevel}" is none of ${LOG_LEVELS.join(", ")}.`);
  const apiUrl = required(env, "GITHUB_API_URL").replace(/\/+$/, "");
  return {
    token,
    eventName: required(env, "GITHUB_EVENT_NAME"),
    eventPath: required(env, "GITHUB_EVENT_PATH"),
    home: repository(required(env, "GITHUB_REPOSITORY")),
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL?.replace(/\/+$/, "") || `${apiUrl.replace(/\/api\/v3$/, "/api")}/graphql`,
    runId: `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
    dryRun: booleanInput("dry-run", input("dry-run") || "false"),
    ...(meeting && { meeting }),
    logLevel,
    stateKey,
  };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** YAML 1.2's booleans, as GitHub Actions' own toolkit reads a boolean input. */
function booleanInput(name: string, value: string): boolean {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UserError(`The ${name} input is "${value}"; it must be true or false.`);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new UserError(`${name} is not set: agenda-drafter's action runs as a step of a GitHub Actions workflow, which sets it.`);
  return value;
}

function repository(fullName: string): RepoRef {
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) throw new UserError(`GITHUB_REPOSITORY "${fullName}" is not owner/name.`);
  return { owner, repo };
}
