import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { loadSandbox } from "./load-sandbox.js";
import type { Output } from "./output.js";
import { sandboxUsage } from "./usages.js";

export async function sandboxCommand(args: string[], output: Output): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      snapshot: { type: "string" },
      port: { type: "string", default: "3001" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      "app-id": { type: "string" },
      "app-key": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.snapshot) throw new UserError(`--snapshot FILE is required.\n\n${sandboxUsage}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, got "${values.port}".`);
  if ((values["webhook-url"] === undefined) !== (values["webhook-secret"] === undefined)) {
    throw new UserError("--webhook-url and --webhook-secret go together: webhooks are always signed.");
  }
  if ((values["app-id"] === undefined) !== (values["app-key"] === undefined)) {
    throw new UserError("--app-id and --app-key go together: the sandbox checks the app's JWTs with its key.");
  }
  const appId = values["app-id"] === undefined ? undefined : Number(values["app-id"]);
  if (appId !== undefined && !(Number.isInteger(appId) && appId > 0)) throw new UserError(`--app-id must be a positive whole number, got "${values["app-id"]}".`);
  if (values["webhook-url"] !== undefined && !URL.canParse(values["webhook-url"])) {
    throw new UserError(`--webhook-url must be a URL, got "${values["webhook-url"]}".`);
  }

  const snapshot = await readText(values.snapshot, "snapshot");
  const keyOption = values["app-key"];
  const appKey = keyOption === undefined || keyOption.startsWith("-----BEGIN") ? keyOption : await readText(keyOption, "app key");
  const { Sandbox, startSandboxServer } = await loadSandbox();
  const base = `http://localhost:${port}`;
  let sandbox: InstanceType<typeof Sandbox>;
  try {
    sandbox = Sandbox.fromSnapshot(snapshot, values.snapshot, { urls: { api: `${base}/api/v3`, web: base } });
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const server = await startSandboxServer(sandbox, {
    port,
    host: "localhost",
    webhook: values["webhook-url"] && values["webhook-secret"] ? { url: values["webhook-url"], secret: values["webhook-secret"] } : undefined,
    app: appId !== undefined && appKey !== undefined ? { id: appId, privateKey: appKey } : undefined,
  });
  output.log(`Sandbox GitHub on ${server.url} (REST ${server.url}/api/v3, GraphQL ${server.url}/api/graphql); clock at ${sandbox.clock.now().toISOString()}.`);
  output.log(`Run the app with GHE_HOST=${new URL(server.url).host} GHE_PROTOCOL=http. Ctrl-C stops the sandbox.`);
  await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
  await server.close();
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}
