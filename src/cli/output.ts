/** Where a command writes: results on stdout, logs and errors on stderr (so `--json` stays clean). */
export interface Output {
  print(text: string): void;
  log(text: string): void;
}

export const processOutput: Output = {
  print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  log: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Resolves once everything written to stdout and stderr has been handed to the system. A pipe
 * takes 64 KiB at a time: exiting before it drained would cut a long `--json` mid-object.
 */
export async function drainProcessOutput(): Promise<void> {
  const drained = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (stream.destroyed || !stream.writable) return resolve();
      // Writes complete in order: the callback of an empty one runs after every earlier one's.
      stream.write("", () => resolve());
    });
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
}
