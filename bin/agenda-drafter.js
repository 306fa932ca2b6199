#!/usr/bin/env node
// The command line entry. `npm ci` builds dist/ through the `prepare` script.
import { drainProcessOutput, main } from "../dist/cli.js";

const argv = process.argv.slice(2);
const code = await main(argv);
// Only a server stays up after main returns; any other command is done, even if a client (Redis)
// still holds the event loop.
const servesOn = argv[0] === "sandbox" || (argv[0] === "demo" && argv.includes("--keep"));
if (code !== 0 || !servesOn) {
  // Exiting at once would cut what a pipe has not taken yet.
  await drainProcessOutput();
  process.exit(code);
}
