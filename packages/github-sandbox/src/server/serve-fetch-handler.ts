import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DroppedConnection } from "../faults/fault-response.js";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a `Request → Response` function over HTTP on `host:port` (port 0: any free port). */
export async function serveFetchHandler(handler: FetchHandler, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer((incoming, outgoing) => {
    answer(handler, incoming, outgoing).catch((error: unknown) => {
      // A hung request let go, or a client that gave up: the connection drops without an answer.
      if (error instanceof DroppedConnection || outgoing.destroyed) return void outgoing.destroy();
      // A crash of the sandbox itself (a broken GitHub contract): say so to the caller, loudly.
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      outgoing.end(`Sandbox error: ${(error as Error).stack ?? String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function answer(handler: FetchHandler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = incoming.method ?? "GET";
  // Aborted when the client gives up before the answer is sent.
  const gaveUp = new AbortController();
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) gaveUp.abort();
  });
  const request = new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" || chunks.length === 0 ? undefined : Buffer.concat(chunks),
    signal: gaveUp.signal,
  });
  const response = await handler(request);
  // The handler's Date (the sandbox clock) replaces the one node would add.
  outgoing.sendDate = !response.headers.has("date");
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}
