/**
 * Lines for the workflow run's log: annotations (`::error::`, `::warning::`, `::notice::`), which
 * GitHub Actions also shows on the run's summary page, and plain lines.
 */
export interface WorkflowOutput {
  line(message: string): void;
  annotate(kind: "error" | "warning" | "notice", message: string): void;
}

export const stdoutWorkflowOutput: WorkflowOutput = {
  line: (message) => void process.stdout.write(`${message}\n`),
  annotate: (kind, message) => void process.stdout.write(`::${kind} title=agenda-drafter::${escapeData(message)}\n`),
};

/** A workflow command's data: `%`, CR and LF are escaped, as the runner reads them back. */
function escapeData(message: string): string {
  return message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
