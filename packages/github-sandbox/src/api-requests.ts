/** A request to the API (REST, app endpoints or GraphQL) as the server received it, before it is answered. */
export interface ApiRequest {
  method: string;
  /** `/graphql` for GraphQL; else the REST path without `/api/v3`, with its query. */
  path: string;
  /** Who sent it: the app itself (a JWT), one of its installations, a person, or nobody known. */
  caller: "app" | "installation" | "user" | "unknown";
  /** The `X-GitHub-Api-Version` it asked for, if any. */
  apiVersion?: string;
}

/** Who wants to hear of each API request the server receives: for counting a client's calls. */
export class ApiRequestListeners {
  readonly #listeners = new Set<(request: ApiRequest) => void>();

  /** Calls `listener` with every API request the server receives; returns a function that stops it. */
  on(listener: (request: ApiRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The server tells of each API request it receives. */
  note(request: ApiRequest): void {
    for (const listener of this.#listeners) listener(request);
  }
}
