// What the app's command line and tests use of the sandbox GitHub: the in-memory engine, its HTTP
// server, the stage that runs an app against it, and the records tests read from its state.
export { Sandbox, type AnsweredRequest, type SandboxOptions } from "./sandbox.js";
export type { ApiRequest } from "./api-requests.js";
export type { SandboxOctokit } from "./sandbox-octokit.js";
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server.js";
export { stageAppOctokit } from "./stage-octokit.js";
export { startStage, type Stage, type StageAppOptions, type StageOptions } from "./stage.js";
export type { CommentRecord, IssueRecord, ProjectRecord, PullRequestIssue } from "./state.js";
export type { RequestFaultInput } from "./faults/request-fault.js";
