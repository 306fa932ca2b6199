import { UserError } from "./errors.js";
import { processOutput, type Output } from "./cli/output.js";

export { drainProcessOutput } from "./cli/output.js";
import { preview, previewUsage } from "./cli/preview.js";
import { demo, demoUsage } from "./cli/demo.js";
import { sandboxCommand, sandboxUsage } from "./cli/sandbox.js";
import { runCommand, runUsage } from "./cli/run.js";
import { runEnvironmentFromEnv } from "./cli/run-environment.js";
import { configJsonSchema } from "./config/json-schema.js";
import { feedUrl, feedUrlUsage } from "./cli/feed-url.js";

interface Command {
  summary: string;
  usage: string;
  run(args: string[], output: Output): Promise<void>;
}

const commands: Record<string, Command> = {
  preview: { summary: "print the drafted meeting issue and minutes of one occurrence", usage: previewUsage, run: preview },
  demo: { summary: "play the app's story on the bundled example org, offline", usage: demoUsage, run: demo },
  run: {
    summary: "run one scheduler tick (for cron jobs and scheduled CI)",
    usage: runUsage,
    run: (args, output) => runCommand(args, output, runEnvironmentFromEnv()),
  },
  sandbox: { summary: "serve an in-memory GitHub loaded from a snapshot", usage: sandboxUsage, run: sandboxCommand },
  "feed-url": { summary: "print a home repo's calendar feed address (with a private repo's token)", usage: feedUrlUsage, run: (args, output) => feedUrl(args, output) },
  schema: {
    summary: "print the JSON schema of .github/agenda-drafter.yml",
    usage: "Usage: agenda-drafter schema\n\nPrints the JSON schema of .github/agenda-drafter.yml (schema.json).",
    run: async (_args, output) => output.print(JSON.stringify(configJsonSchema(), null, 2)),
  },
};

const usage = `Usage: agenda-drafter <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join("\n")}

Run "agenda-drafter <command> --help" for a command's options.`;

/** Runs the command line; returns the process exit code (2 for a user's mistake). */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    output.print(usage);
    return name === undefined ? 2 : 0;
  }
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

function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
