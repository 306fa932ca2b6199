/** Where a command writes: results on stdout, logs and errors on stderr (so `--json` stays clean). */
export interface Output {
  print(text: string): void;
  log(text: string): void;
}

export const processOutput: Output = {
  print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  log: (text) => process.stderr.write(`${text}\n`),
};
