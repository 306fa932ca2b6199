import { readFileSync } from "node:fs";
import { UserError } from "./errors.js";
import { processOutput, type Output } from "./cli/output.js";

export { drainProcessOutput } from "./cli/output.js";
import { demoUsage, feedUrlUsage, previewUsage, runUsage, sandboxUsage, schemaUsage } from "./cli/usages.js";

// The entry imports only what `--help` and `--version` need: each command's module (and Probot,
// zod, ioredis, the sandbox with it) is imported when that command runs, so that help answers at
// once. test/cli/entry-imports.test.ts keeps the entry's static imports free of packages.

interface Command {
  summary: string;
  usage: string;
  run(args: string[], output: Output): Promise<void>;
}

const commands: Record<string, Command> = {
  preview: {
    summary: "print the drafted meeting issue and minutes of one occurrence",
    usage: previewUsage,
    run: async (args, output) => (await import("./cli/preview.js")).preview(args, output),
  },
  demo: {
    summary: "play the app's story on the bundled example org, offline",
    usage: demoUsage,
    run: async (args, output) => (await import("./cli/demo.js")).demo(args, output),
  },
  run: {
    summary: "run one scheduler tick (for cron jobs and scheduled CI)",
    usage: runUsage,
    run: async (args, output) => {
      const [{ runCommand }, { runEnvironmentFromEnv }] = await Promise.all([import("./cli/run.js"), import("./cli/run-environment.js")]);
      return runCommand(args, output, runEnvironmentFromEnv());
    },
  },
  sandbox: {
    summary: "serve an in-memory GitHub loaded from a snapshot",
    usage: sandboxUsage,
    run: async (args, output) => (await import("./cli/sandbox.js")).sandboxCommand(args, output),
  },
  "feed-url": {
    summary: "print a home repo's calendar feed address (with a private repo's token)",
    usage: feedUrlUsage,
    run: async (args, output) => (await import("./cli/feed-url.js")).feedUrl(args, output),
  },
  schema: {
    summary: "print the JSON schema of .github/agenda-drafter.yml",
    usage: schemaUsage,
    run: async (_args, output) => output.print(JSON.stringify((await import("./config/json-schema.js")).configJsonSchema(), null, 2)),
  },
};

const usage = `Usage: agenda-drafter <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join("\n")}

Run "agenda-drafter help <command>" or "agenda-drafter <command> --help" for a command's options,
"agenda-drafter --version" for the version.`;

/** Runs the command line; returns the process exit code (2 for a user's mistake). */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-v") {
    output.print(version());
    return 0;
  }
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return help(name, args[0], output);
  const command = commands[name];
  if (!command) {
    output.log(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    output.print(command.usage);
    return 0;
  }
  try {
    await command.run(args, output);
    return 0;
  } catch (error) {
    if (error instanceof UserError || isArgumentError(error)) {
      output.log(`agenda-drafter ${name}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/** `agenda-drafter`, `--help`, `help`, or `help <command>`, which prints that command's help. */
function help(name: string | undefined, topic: string | undefined, output: Output): number {
  if (name === "help" && topic !== undefined) {
    const command = commands[topic];
    if (!command) {
      output.log(`Unknown command "${topic}".\n\n${usage}`);
      return 2;
    }
    output.print(command.usage);
    return 0;
  }
  output.print(usage);
  return name === undefined ? 2 : 0;
}

/** The package's version, read from its package.json (beside dist/ and src/ alike). */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
