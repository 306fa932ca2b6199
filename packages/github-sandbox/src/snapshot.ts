import { parseDocument } from "yaml";
import { z } from "zod";
import { requestFaultSchema } from "./faults/request-fault.js";
import { projectSnapshotSchema } from "./projects/project-snapshot.js";
import { githubTimestamp } from "./route.js";

// A snapshot is written by people: keys read like GitHub's API, everything but names is optional,
// and errors name the key path.

const login = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, "must be a GitHub login (letters, digits, hyphens)");

const repoName = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "must be a repository name (letters, digits, . _ -)");

/** YAML may give a timestamp as a Date; GitHub prints instants as `2024-03-28T15:00:00Z`. */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.date()])
  .transform((value) => githubTimestamp(new Date(value)));

const role = z.enum(["read", "triage", "write", "maintain", "admin"]);

const comment = z.strictObject({
  author: login,
  body: z.string(),
  created_at: instant.optional(),
});

const issue = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  body: z.string().nullable().optional(),
  /** Absent: a deleted account, which GitHub shows as `user: null`. */
  author: login.nullable().optional(),
  state: z.enum(["open", "closed"]).default("open"),
  state_reason: z.enum(["completed", "not_planned", "reopened", "duplicate"]).optional(),
  labels: z.array(z.string().min(1)).default([]),
  assignees: z.array(login).default([]),
  locked: z.boolean().default(false),
  pull_request: z.boolean().default(false),
  draft: z.boolean().optional(),
  /** Pull requests only: the head branch, by default `patch-<number>`. */
  head: z.string().optional(),
  created_at: instant.optional(),
  updated_at: instant.optional(),
  closed_at: instant.optional(),
  /** A number of comments, or the comments themselves. */
  comments: z.union([z.number().int().nonnegative(), z.array(comment)]).default(0),
});

/** A discussion: numbered in the repository's one sequence with its issues and pull requests. */
const discussion = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  body: z.string().default(""),
  /** Absent or null: a deleted account ("ghost"). */
  author: login.nullable().optional(),
  /** A category's name or slug (of GitHub's defaults); General by default. */
  category: z.string().min(1).default("General"),
  labels: z.array(z.string().min(1)).default([]),
  state: z.enum(["open", "closed"]).default("open"),
  state_reason: z.enum(["resolved", "outdated", "duplicate"]).optional(),
  locked: z.boolean().default(false),
  created_at: instant.optional(),
  updated_at: instant.optional(),
  closed_at: instant.optional(),
});

const labelDefinition = z.strictObject({
  color: z
    .string()
    .regex(/^[0-9a-fA-F]{6}$/, "must be six hex digits without #")
    .optional(),
  description: z.string().nullable().optional(),
});

const repo = z
  .strictObject({
    private: z.boolean().optional(),
    visibility: z.enum(["public", "private", "internal"]).optional(),
    description: z.string().nullable().optional(),
    archived: z.boolean().default(false),
    default_branch: z.string().min(1).default("main"),
    created_at: instant.optional(),
    collaborators: z.record(login, role).default({}),
    labels: z.record(z.string().min(1), labelDefinition).default({}),
    files: z.record(z.string().min(1), z.string()).default({}),
    issues: z.array(issue).default([]),
    /** The Discussions tab; on by default when the repository lists discussions. */
    has_discussions: z.boolean().optional(),
    discussions: z.array(discussion).default([]),
  })
  .superRefine((value, context) => {
    if (value.private !== undefined && value.visibility !== undefined && value.private !== (value.visibility !== "public")) {
      context.addIssue({ code: "custom", message: `private: ${value.private} contradicts visibility: ${value.visibility}`, path: ["private"] });
    }
    const seen = new Set<number>();
    value.issues.forEach((item, index) => {
      if (seen.has(item.number)) {
        context.addIssue({ code: "custom", message: `number ${item.number} is used twice in this repository`, path: ["issues", index, "number"] });
      }
      seen.add(item.number);
      if (!item.pull_request && (item.draft !== undefined || item.head !== undefined)) {
        context.addIssue({ code: "custom", message: "draft and head apply to pull requests only (pull_request: true)", path: ["issues", index] });
      }
    });
    value.discussions.forEach((item, index) => {
      if (seen.has(item.number)) {
        context.addIssue({ code: "custom", message: `number ${item.number} is used twice in this repository (issues, pull requests and discussions share one sequence)`, path: ["discussions", index, "number"] });
      }
      seen.add(item.number);
    });
    if (value.has_discussions === false && value.discussions.length > 0) {
      context.addIssue({ code: "custom", message: "has_discussions: false contradicts the discussions listed", path: ["has_discussions"] });
    }
  });

const team = z.union([
  z.array(login),
  z.strictObject({
    name: z.string().optional(),
    members: z.array(login).default([]),
    /** Repository name → the role the team grants on it. */
    repos: z.record(repoName, role).default({}),
  }),
]);

const org = z.strictObject({
  name: z.string().optional(),
  members: z.array(login).default([]),
  /** Organization owners: admin on every repository, and members. */
  owners: z.array(login).default([]),
  base_permission: z.enum(["none", "read", "write", "admin"]).default("read"),
  /** Members who made their membership public (GitHub's default is private). */
  public_members: z.array(login).default([]),
  teams: z.record(z.string().regex(/^[a-z0-9-]+$/, "must be a team slug (a-z, 0-9, -)"), team).default({}),
  repos: z.record(repoName, repo).default({}),
  /** Projects (v2) boards of the organization (see projects/project-snapshot.ts). */
  projects: z.array(projectSnapshotSchema).default([]),
});

const installation = z.strictObject({
  id: z.number().int().positive().optional(),
  account: login,
  /** "all", or the names of the repositories the app was given. */
  repositories: z.union([z.literal("all"), z.array(repoName)]).default("all"),
  /** GitHub's permission names → read or write; by default the app's (`discussions: write` among them). */
  permissions: z.record(z.string().regex(/^[a-z_]+$/, "must be a GitHub App permission name"), z.enum(["read", "write"])).optional(),
  /** The webhook events the installation is subscribed to; by default the app's. */
  events: z.array(z.string().regex(/^[a-z_]+$/, "must be a webhook event name")).optional(),
});

const snapshotSchema = z
  .strictObject({
    /** The sandbox clock's start; by default the time the sandbox is created. */
    now: instant.optional(),
    /** Answer as GitHub Enterprise Server of this version (see SandboxOptions.enterpriseVersion); by default as github.com. */
    enterprise_version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must be a GitHub Enterprise Server version such as 3.16.4").optional(),
    users: z
      .record(login, z.strictObject({ name: z.string().nullable().optional(), type: z.enum(["User", "Bot"]).default("User") }))
      .default({}),
    orgs: z.record(login, org).default({}),
    /** By default the app is installed on every organization of the snapshot, all repositories. */
    installations: z.array(installation).optional(),
    /** Request faults in force from the start (see faults/request-fault.ts). */
    faults: z.array(requestFaultSchema).default([]),
  })
  .superRefine((value, context) => {
    const orgs = new Map(Object.entries(value.orgs).map(([name, org]) => [name.toLowerCase(), org]));
    value.installations?.forEach((entry, index) => {
      const org = orgs.get(entry.account.toLowerCase());
      if (!org) {
        context.addIssue({ code: "custom", message: `account ${entry.account} is not an organization of this snapshot`, path: ["installations", index, "account"] });
        return;
      }
      if (entry.repositories === "all") return;
      const names = new Set(Object.keys(org.repos).map((name) => name.toLowerCase()));
      entry.repositories.forEach((name, repoIndex) => {
        if (!names.has(name.toLowerCase())) {
          context.addIssue({ code: "custom", message: `repository ${entry.account}/${name} is not in this snapshot`, path: ["installations", index, "repositories", repoIndex] });
        }
      });
    });
  });

export type Snapshot = z.output<typeof snapshotSchema>;
export type SnapshotRepo = z.output<typeof repo>;
export type SnapshotIssue = z.output<typeof issue>;
export type SnapshotDiscussion = z.output<typeof discussion>;

/** Parses and validates a snapshot; `file` names it in error messages. */
export function loadSnapshot(yamlText: string, file = "snapshot"): Snapshot {
  const result = snapshotSchema.safeParse(asJson(yamlText) ?? parseYaml(yamlText, file));
  if (!result.success) {
    const problems = result.error.issues.map((problem) => `  - ${formatKeyPath(problem.path)}: ${problem.message}`);
    throw new Error(`${file}: invalid sandbox snapshot:\n${problems.join("\n")}`);
  }
  return result.data;
}

/**
 * A snapshot written as JSON (which is YAML) is read by JSON.parse, which reads it as YAML would
 * and tens of times faster: the bench's snapshots of thousands of items are generated as JSON.
 * Anything else, or JSON that does not parse, is left to the YAML parser and its messages.
 */
function asJson(text: string): unknown {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseYaml(yamlText: string, file: string): unknown {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) {
    throw new Error(`${file}: not valid YAML: ${document.errors.map((error) => error.message).join("; ")}`);
  }
  return document.toJS() ?? {};
}

/** `orgs.nodejs.repos[0].title`: where a problem is, as the snapshot's reader finds it. */
export function formatKeyPath(path: PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}
