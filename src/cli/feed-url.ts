import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { stateSignerFromEnv } from "../app/state-signer-from-env.js";
import { feedPath } from "../render/page/page-paths.js";
import type { Output } from "./output.js";
import { feedUrlUsage } from "./usages.js";


export async function feedUrl(args: string[], output: Output, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { base: { type: "string", default: "http://localhost:3000" } }, allowPositionals: true, strict: true });
  const [repo, ...extra] = positionals;
  const [owner, name, ...rest] = (repo ?? "").split("/");
  if (!owner || !name || rest.length > 0 || extra.length > 0) throw new UserError(`give one home repo as owner/repo.\n\n${feedUrlUsage}`);
  if (!URL.canParse(values.base)) throw new UserError(`--base must be a URL, got "${values.base}".`);
  const token = stateSignerFromEnv(env).feedToken(`${owner}/${name}`);
  output.print(`${values.base.replace(/\/+$/, "")}${feedPath(owner, name)}?token=${token}`);
}
